package dev.tablecloud.module.awsec2;

import dev.tablecloud.module.CloudReader;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awssecuritygroup.AwsSecurityGroupModule;

import java.util.List;
import java.util.Map;

/** aws_ec2. Terminated instances (and those shutting down) are gone as far as the tables are concerned. */
public final class AwsEc2Module {

    public static final String NAME = "aws_ec2";

    private AwsEc2Module() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsSecurityGroupModule.NAME), List.of(
                KeyPairAdapter.DECLARATION,
                InstanceAdapter.DECLARATION,
                InstanceSecurityGroupAdapter.DECLARATION),
                List.of("key_pair_request(text, text)", "key_pair_import(text, text, text)"));
    }
}
