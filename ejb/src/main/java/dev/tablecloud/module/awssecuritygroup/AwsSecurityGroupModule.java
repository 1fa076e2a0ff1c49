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
                ResourceTable.regional("security_group", "group_id",
                        ResourceTable.columns("group_name", "text", "description", "text", "owner_id", "text"),
                        Map.of("vpc_id", "vpc"), SecurityGroupAdapter::readAll)
                        .writtenBy(SecurityGroupAdapter.WRITES)
                        .withPortableKey(SecurityGroupAdapter.KEY),
                ResourceTable.regional("security_group_rule", "security_group_rule_id",
                        ResourceTable.columns("is_egress", "boolean", "ip_protocol", "text", "from_port", "integer",
                                "to_port", "integer", "cidr_ipv4", "cidr", "cidr_ipv6", "cidr", "description", "text",
                                "prefix_list_id", "text"),
                        Map.of("security_group_id", "security_group", "source_security_group", "security_group"),
                        SecurityGroupRuleAdapter::readAll).writtenBy(SecurityGroupRuleAdapter.WRITES)
                        .withPortableKey(SecurityGroupRuleAdapter.KEY)));
    }
}
