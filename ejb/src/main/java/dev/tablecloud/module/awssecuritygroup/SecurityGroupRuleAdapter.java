package dev.tablecloud.module.awssecuritygroup;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.ColumnValues;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The security_group_rule table's adapter: one row is one rule of DescribeSecurityGroupRules, with
 * exactly one source or destination (an IPv4 block, an IPv6 block or another group).
 *
 * <p>AWS refuses a rule identical to one the group has (same direction, protocol, ports and
 * source; the description does not count). A create that meets such a rule returns it instead of
 * failing: the rule the row describes exists, whoever made it. That is how a row for the egress
 * rule AWS gives every new group (all traffic to 0.0.0.0/0) takes that rule over, and how a create
 * repeated after a crash that lost the identity tag still makes one rule only.
 */
final class SecurityGroupRuleAdapter implements CloudWriter {

    /**
     * ModifySecurityGroupRules changes a rule's protocol, ports, IPv4 block and description in
     * place. AWS's call can also change an IPv6 block or the referenced group, but moto, which the
     * tests run against, ignores those two: they are declared replace so that what runs is what the
     * tests prove. The direction and the group a rule belongs to can never change.
     *
     * <p>The ports may be null for the cloud to choose: a rule of protocol -1 (all traffic) takes no
     * ports, and AWS reports -1 for them.
     */
    static final CloudWrites WRITES = CloudWrites.by(new SecurityGroupRuleAdapter())
            .generated("security_group_rule_id")
            .replacedOn("is_egress", "security_group_id", "cidr_ipv6", "source_security_group")
            .chosenByCloud("from_port", "to_port");

    /** Known by its group, direction, protocol, ports, and its CIDR or source group. */
    static final PortableKey KEY = PortableKey.of(ruleParts(PortableKey.column("cidr_ipv4")))
            .orElse(ruleParts(PortableKey.column("cidr_ipv6")))
            .orElse(ruleParts(PortableKey.parent("source_security_group")));

    private static PortableKey.Part[] ruleParts(PortableKey.Part peer) {
        return new PortableKey.Part[] {PortableKey.parent("security_group_id"), PortableKey.column("is_egress"),
                PortableKey.column("ip_protocol"), PortableKey.nullableColumn("from_port"),
                PortableKey.nullableColumn("to_port"), peer};
    }

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.ec2(region)
                .describeSecurityGroupRulesPaginator(request -> { }).securityGroupRules().stream()
                .map(rule -> resource(rule, region))
                .toList());
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        IpPermission permission = permission(row);
        String groupId = row.parent("security_group_id");
        TagSpecification identity = Ec2Tags.onCreate(ResourceType.SECURITY_GROUP_RULE, row, null);
        List<SecurityGroupRule> made;
        try {
            made = Boolean.TRUE.equals(row.bool("is_egress"))
                    ? aws.call("ec2", "AuthorizeSecurityGroupEgress", () -> aws.ec2(row.region())
                            .authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permission)
                                    .tagSpecifications(identity))).securityGroupRules()
                    : aws.call("ec2", "AuthorizeSecurityGroupIngress", () -> aws.ec2(row.region())
                            .authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission)
                                    .tagSpecifications(identity))).securityGroupRules();
        } catch (CloudRefusedException e) {
            if (!"InvalidPermission.Duplicate".equals(e.errorCode())) {
                throw e;
            }
            return rulesOf(aws, row.region(), groupId).stream()
                    .filter(rule -> isTheRuleOf(row, rule))
                    .findFirst()
                    .map(rule -> resource(rule, row.region()))
                    .orElseThrow(() -> e);
        }
        return made.isEmpty() ? findCreated(aws, row).orElseThrow() : read(aws, row.region(), made.get(0).securityGroupRuleId());
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        String groupId = row.parent("security_group_id");
        if (groupId == null) {
            return Optional.empty();
        }
        return aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.ec2(row.region())
                        .describeSecurityGroupRules(r -> r.filters(groupFilter(groupId), Ec2Tags.identityFilter(row)))
                        .securityGroupRules())
                .stream().findFirst().map(rule -> resource(rule, row.region()));
    }

    /** Protocol, ports, IPv4 block and description; the source itself stays what it is. */
    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        String groupId = current.parents().get("security_group_id").cloudId();
        SecurityGroupRuleRequest wanted = SecurityGroupRuleRequest.builder()
                .ipProtocol(row.text("ip_protocol"))
                .fromPort(port(row, current, "from_port"))
                .toPort(port(row, current, "to_port"))
                .cidrIpv4(row.text("cidr_ipv4"))
                .cidrIpv6(row.text("cidr_ipv6"))
                .referencedGroupId(row.parent("source_security_group"))
                .description(row.text("description"))
                .build();
        aws.call("ec2", "ModifySecurityGroupRules", () -> aws.ec2(row.region()).modifySecurityGroupRules(r -> r
                .groupId(groupId)
                .securityGroupRules(rule -> rule.securityGroupRuleId(current.cloudId()).securityGroupRule(wanted))));
        return read(aws, row.region(), current.cloudId());
    }

    /** Revoked by its id; a rule or group already gone counts as deleted. */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        String groupId = current.parents().get("security_group_id").cloudId();
        if (Boolean.TRUE.equals(current.values().get("is_egress"))) {
            aws.delete("ec2", "RevokeSecurityGroupEgress", () -> aws.ec2(current.region())
                    .revokeSecurityGroupEgress(r -> r.groupId(groupId).securityGroupRuleIds(current.cloudId())));
        } else {
            aws.delete("ec2", "RevokeSecurityGroupIngress", () -> aws.ec2(current.region())
                    .revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(current.cloudId())));
        }
    }

    /**
     * The row as the one permission of an Authorize call. A row with no source, or with more than
     * one, would make no rule or several: it is refused before any call.
     */
    private static IpPermission permission(DesiredResource row) {
        String cidrIpv4 = row.text("cidr_ipv4");
        String cidrIpv6 = row.text("cidr_ipv6");
        String sourceGroup = row.parent("source_security_group");
        long sources = Stream.of(cidrIpv4, cidrIpv6, sourceGroup).filter(Objects::nonNull).count();
        if (sources != 1) {
            throw new InvalidInputException(List.of(new FieldError("cidr_ipv4", "The " + row.describe()
                    + " must have exactly one of cidr_ipv4, cidr_ipv6 and source_security_group, not " + sources
                    + ".")));
        }
        String description = row.text("description");
        IpPermission.Builder permission = IpPermission.builder()
                .ipProtocol(row.text("ip_protocol"))
                .fromPort(row.integer("from_port"))
                .toPort(row.integer("to_port"));
        if (cidrIpv4 != null) {
            permission.ipRanges(IpRange.builder().cidrIp(cidrIpv4).description(description).build());
        } else if (cidrIpv6 != null) {
            permission.ipv6Ranges(Ipv6Range.builder().cidrIpv6(cidrIpv6).description(description).build());
        } else {
            permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(sourceGroup).description(description)
                    .build());
        }
        return permission.build();
    }

    /** Whether AWS would count the rule a duplicate of the row's: all but the description. */
    private static boolean isTheRuleOf(DesiredResource row, SecurityGroupRule rule) {
        String referenced = rule.referencedGroupInfo() == null ? null : rule.referencedGroupInfo().groupId();
        return Objects.equals(row.bool("is_egress"), rule.isEgress())
                && row.text("ip_protocol").equalsIgnoreCase(rule.ipProtocol())
                && (row.integer("from_port") == null || row.integer("from_port").equals(rule.fromPort()))
                && (row.integer("to_port") == null || row.integer("to_port").equals(rule.toPort()))
                && ColumnValues.same("cidr", row.text("cidr_ipv4"), rule.cidrIpv4())
                && ColumnValues.same("cidr", row.text("cidr_ipv6"), rule.cidrIpv6())
                && Objects.equals(row.parent("source_security_group"), referenced);
    }

    /** The row's port, or the cloud's when the row leaves it to the cloud: the call takes both. */
    private static Integer port(DesiredResource row, CloudResource current, String column) {
        Integer wanted = row.integer(column);
        Object present = current.values().get(column);
        return wanted != null ? wanted : present == null ? null : ((Number) present).intValue();
    }

    private static List<SecurityGroupRule> rulesOf(AwsSession aws, String region, String groupId) {
        return aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.ec2(region)
                .describeSecurityGroupRulesPaginator(r -> r.filters(groupFilter(groupId))).securityGroupRules()
                .stream().toList());
    }

    private static Filter groupFilter(String groupId) {
        return Filter.builder().name("group-id").values(groupId).build();
    }

    private static CloudResource read(AwsSession aws, String region, String ruleId) {
        SecurityGroupRule rule = aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.ec2(region)
                .describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId))).securityGroupRules().get(0);
        return resource(rule, region);
    }

    private static CloudResource resource(SecurityGroupRule rule, String region) {
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
            parents.put("source_security_group",
                    ParentRef.optional("security_group", rule.referencedGroupInfo().groupId()));
        }
        return new CloudResource(rule.securityGroupRuleId(), region, values, parents);
    }
}
