package dev.tablecloud.module.awssecuritygroup;

import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awsvpc.AwsVpcModule;

import java.util.List;
import java.util.Map;

/** aws_security_group: groups, and their rules as DescribeSecurityGroupRules lists them. */
public final class AwsSecurityGroupModule {

    public static final String NAME = "aws_security_group";

    private AwsSecurityGroupModule() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsVpcModule.NAME), List.of(
                SecurityGroupAdapter.DECLARATION,
                SecurityGroupRuleAdapter.DECLARATION));
    }
}
