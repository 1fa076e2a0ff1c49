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
                ResourceTable.regional("key_pair", "key_pair_id",
                        ResourceTable.columns("name", "text", "fingerprint", "text", "public_key", "text",
                                "type", "text"),
                        Map.of(), KeyPairAdapter::readAll).writtenBy(KeyPairAdapter.WRITES)
                        .withPortableKey(KeyPairAdapter.KEY),
                ResourceTable.regional("instance", "instance_id",
                        ResourceTable.columns("ami", "text", "instance_type", "text", "key_pair_name", "text",
                                "state", "text", "user_data", "text", "tags", "jsonb",
                                "hibernation_enabled", "boolean"),
                        Map.of("subnet_id", "subnet"), CloudReader.withPerResourceAttributes(InstanceAdapter::read))
                        .writtenBy(InstanceAdapter.WRITES)
                        .withPortableKey(InstanceAdapter.KEY),
                ResourceTable.link(InstanceSecurityGroupAdapter.TABLE,
                        "(select i.instance_id from instance i where i.id = instance_security_groups.instance_id)"
                                + " || '/' || (select g.group_id from security_group g"
                                + " where g.id = instance_security_groups.security_group_id)",
                        Map.of("instance_id", "instance", "security_group_id", "security_group"),
                        InstanceSecurityGroupAdapter::readAll).writtenBy(InstanceSecurityGroupAdapter.WRITES)
                        .withPortableKey(InstanceSecurityGroupAdapter.KEY)),
                List.of("key_pair_request(text, text)", "key_pair_import(text, text, text)"));
    }
}
