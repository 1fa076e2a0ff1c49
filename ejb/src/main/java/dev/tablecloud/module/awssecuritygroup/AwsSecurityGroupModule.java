package dev.tablecloud.module.awssecuritygroup;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awsvpc.AwsVpcModule;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

import java.util.HashMap;
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
                        Map.of("vpc_id", "vpc"), AwsSecurityGroupModule::groups),
                ResourceTable.regional("security_group_rule", "security_group_rule_id",
                        ResourceTable.columns("is_egress", "boolean", "ip_protocol", "text", "from_port", "integer",
                                "to_port", "integer", "cidr_ipv4", "cidr", "cidr_ipv6", "cidr", "description", "text"),
                        Map.of("security_group_id", "security_group", "source_security_group", "security_group"),
                        AwsSecurityGroupModule::rules)));
    }

    static List<CloudResource> groups(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeSecurityGroups", () -> aws.ec2(region).describeSecurityGroupsPaginator()
                .securityGroups().stream()
                .map(group -> group(group, region))
                .toList());
    }

    private static CloudResource group(SecurityGroup group, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("group_name", group.groupName());
        values.put("description", group.description());
        values.put("owner_id", group.ownerId());
        Map<String, ParentRef> parents = group.vpcId() == null ? Map.of()
                : Map.of("vpc_id", ParentRef.required("vpc", group.vpcId()));
        return new CloudResource(group.groupId(), region, values, parents);
    }

    static List<CloudResource> rules(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.ec2(region)
                .describeSecurityGroupRulesPaginator(request -> { }).securityGroupRules().stream()
                .map(rule -> rule(rule, region))
                .toList());
    }

    private static CloudResource rule(SecurityGroupRule rule, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("is_egress", rule.isEgress());
        values.put("ip_protocol", rule.ipProtocol());
        values.put("from_port", rule.fromPort());
        values.put("to_port", rule.toPort());
        values.put("cidr_ipv4", rule.cidrIpv4());
        values.put("cidr_ipv6", rule.cidrIpv6());
        values.put("description", rule.description());
        Map<String, ParentRef> parents = new HashMap<>();
        parents.put("security_group_id", ParentRef.required("security_group", rule.groupId()));
        if (rule.referencedGroupInfo() != null && rule.referencedGroupInfo().groupId() != null) {
            parents.put("source_security_group", ParentRef.optional("security_group", rule.referencedGroupInfo().groupId()));
        }
        return new CloudResource(rule.securityGroupRuleId(), region, values, parents);
    }
}
