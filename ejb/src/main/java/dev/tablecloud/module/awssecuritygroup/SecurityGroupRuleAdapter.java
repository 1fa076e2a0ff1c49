package dev.tablecloud.module.awssecuritygroup;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudUpdater;
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
import software.amazon.awssdk.services.ec2.model.PrefixListId;
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
 * exactly one source or destination (an IPv4 block, an IPv6 block, another group, or a managed prefix
 * list, IaSQL's prefix_list_id).
 *
 * <p>AWS refuses a rule identical to one the group has (same direction, protocol, ports and
 * source; the description does not count). A create that meets such a rule returns it instead of
 * failing: the rule the row describes exists, whoever made it. That is how a row for the egress
 * rule AWS gives every new group (all traffic to 0.0.0.0/0) takes that rule over, and how a create
 * repeated after a crash that lost the identity tag still makes one rule only.
 *
 * <p>A row that names only a source group — no protocol, no ports — is IaSQL's shorthand for what
 * AWS grants when a rule names only its source group (AuthorizeSecurityGroupIngress with
 * SourceSecurityGroupName: "full ICMP, UDP, and TCP access"), which IaSQL sent: three rules from that
 * group, all TCP and all UDP ports and all ICMP. That form of the call is for default VPCs and
 * ingress only, so the three permissions are sent as such, which AWS takes in any VPC and in both
 * directions. The row becomes the TCP rule (the protocol and ports are the cloud's to fill, and are
 * written back); the UDP and ICMP rules arrive as rows of their own with a sync: the commit's own when
 * it made the group, else the next sync of the environment.
 */
final class SecurityGroupRuleAdapter implements CloudUpdater {

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
            .replacedOn("is_egress", "security_group_id", "cidr_ipv6", "source_security_group", "prefix_list_id")
            .chosenByCloud("ip_protocol", "from_port", "to_port");

    /** What a rule that names only its source group grants, as AWS grants it: IaSQL's rule. */
    private static final List<IpPermission> FROM_GROUP_ONLY = List.of(
            IpPermission.builder().ipProtocol("tcp").fromPort(0).toPort(65535).build(),
            IpPermission.builder().ipProtocol("udp").fromPort(0).toPort(65535).build(),
            IpPermission.builder().ipProtocol("icmp").fromPort(-1).toPort(-1).build());

    /**
     * Known by its group, direction, protocol, ports, and its CIDR, source group or prefix list. A
     * prefix list id is this account's (or this region's, for AWS's own lists): exported SQL that
     * writes one is refused, naming the row.
     */
    static final PortableKey KEY = PortableKey.of(ruleParts(PortableKey.column("cidr_ipv4")))
            .orElse(ruleParts(PortableKey.column("cidr_ipv6")))
            .orElse(ruleParts(PortableKey.parent("source_security_group")))
            .orElse(ruleParts(PortableKey.column("prefix_list_id")))
            .withAccountSpecific("prefix_list_id");

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("security_group_rule", "security_group_rule_id",
                ResourceTable.columns("is_egress", "boolean", "ip_protocol", "text", "from_port", "integer",
                        "to_port", "integer", "cidr_ipv4", "cidr", "cidr_ipv6", "cidr", "description", "text",
                        "prefix_list_id", "text"),
                Map.of("security_group_id", "security_group", "source_security_group", "security_group"),
                SecurityGroupRuleAdapter::readAll).writtenBy(WRITES)
                .withPortableKey(KEY);

    private static PortableKey.Part[] ruleParts(PortableKey.Part peer) {
        return new PortableKey.Part[] {PortableKey.parent("security_group_id"), PortableKey.column("is_egress"),
                PortableKey.column("ip_protocol"), PortableKey.nullableColumn("from_port"),
                PortableKey.nullableColumn("to_port"), peer};
    }

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.client(Ec2Client.class, region)
                .describeSecurityGroupRulesPaginator(request -> { }).securityGroupRules().stream()
                .map(rule -> resource(rule, region))
                .toList());
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        IpPermission permission = permission(row);
        if (row.text("ip_protocol") == null) {
            return createFromGroup(aws, row, permission.userIdGroupPairs());
        }
        String groupId = row.parent("security_group_id");
        List<SecurityGroupRule> made;
        try {
            made = authorize(aws, row, List.of(permission));
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

    /** The rules of the permissions, each tagged with the row's identity, in one call. */
    private static List<SecurityGroupRule> authorize(AwsSession aws, DesiredResource row,
                                                     List<IpPermission> permissions) {
        String groupId = row.parent("security_group_id");
        TagSpecification identity = Ec2Tags.onCreate(ResourceType.SECURITY_GROUP_RULE, row, null);
        return Boolean.TRUE.equals(row.bool("is_egress"))
                ? aws.call("ec2", "AuthorizeSecurityGroupEgress", () -> aws.client(Ec2Client.class, row.region())
                        .authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permissions)
                                .tagSpecifications(identity))).securityGroupRules()
                : aws.call("ec2", "AuthorizeSecurityGroupIngress", () -> aws.client(Ec2Client.class, row.region())
                        .authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permissions)
                                .tagSpecifications(identity))).securityGroupRules();
    }

    /**
     * IaSQL's rule from a source group alone: TCP, UDP and ICMP from it in one call. AWS refuses the
     * whole call when one of the three exists already (InvalidPermission.Duplicate): then each is
     * asked for alone, and one that exists counts as made. The row's resource is the TCP rule.
     */
    private static CloudResource createFromGroup(AwsSession aws, DesiredResource row, List<UserIdGroupPair> source) {
        List<IpPermission> permissions = FROM_GROUP_ONLY.stream()
                .map(permission -> permission.toBuilder().userIdGroupPairs(source).build()).toList();
        try {
            authorize(aws, row, permissions);
        } catch (CloudRefusedException e) {
            if (!"InvalidPermission.Duplicate".equals(e.errorCode())) {
                throw e;
            }
            for (IpPermission permission : permissions) {
                try {
                    authorize(aws, row, List.of(permission));
                } catch (CloudRefusedException one) {
                    if (!"InvalidPermission.Duplicate".equals(one.errorCode())) {
                        throw one;
                    }
                }
            }
        }
        return rulesOf(aws, row.region(), row.parent("security_group_id")).stream()
                .filter(rule -> isTheRuleOf(row, rule))
                .findFirst()
                .map(rule -> resource(rule, row.region()))
                .orElseThrow(() -> new IllegalStateException("DescribeSecurityGroupRules does not report the TCP"
                        + " rule just made for " + row.describe()));
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        String groupId = row.parent("security_group_id");
        if (groupId == null) {
            return Optional.empty();
        }
        // A row from a source group alone made three rules with its identity: its own is the TCP one.
        return aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.client(Ec2Client.class, row.region())
                        .describeSecurityGroupRules(r -> r.filters(groupFilter(groupId), Ec2Tags.identityFilter(row)))
                        .securityGroupRules())
                .stream().filter(rule -> row.text("ip_protocol") != null || isTheRuleOf(row, rule)).findFirst()
                .map(rule -> resource(rule, row.region()));
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
                .prefixListId(row.text("prefix_list_id"))
                .description(row.text("description"))
                .build();
        aws.call("ec2", "ModifySecurityGroupRules", () -> aws.client(Ec2Client.class, row.region()).modifySecurityGroupRules(r -> r
                .groupId(groupId)
                .securityGroupRules(rule -> rule.securityGroupRuleId(current.cloudId()).securityGroupRule(wanted))));
        return read(aws, row.region(), current.cloudId());
    }

    /** Revoked by its id; a rule or group already gone counts as deleted. */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        String groupId = current.parents().get("security_group_id").cloudId();
        if (Boolean.TRUE.equals(current.values().get("is_egress"))) {
            aws.delete("ec2", "RevokeSecurityGroupEgress", () -> aws.client(Ec2Client.class, current.region())
                    .revokeSecurityGroupEgress(r -> r.groupId(groupId).securityGroupRuleIds(current.cloudId())));
        } else {
            aws.delete("ec2", "RevokeSecurityGroupIngress", () -> aws.client(Ec2Client.class, current.region())
                    .revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(current.cloudId())));
        }
    }

    /**
     * The row as the one permission of an Authorize call. A row with no source, or with more than
     * one, would make no rule or several: it is refused before any call. So is a row without a
     * protocol unless it names only a source group (IaSQL's rule from a group).
     */
    private static IpPermission permission(DesiredResource row) {
        String cidrIpv4 = row.text("cidr_ipv4");
        String cidrIpv6 = row.text("cidr_ipv6");
        String sourceGroup = row.parent("source_security_group");
        String prefixList = row.text("prefix_list_id");
        long sources = Stream.of(cidrIpv4, cidrIpv6, sourceGroup, prefixList).filter(Objects::nonNull).count();
        if (sources != 1) {
            throw new InvalidInputException(List.of(new FieldError("cidr_ipv4", "The " + row.describe()
                    + " must have exactly one of cidr_ipv4, cidr_ipv6, source_security_group and prefix_list_id,"
                    + " not " + sources + ".")));
        }
        if (row.text("ip_protocol") == null && (sourceGroup == null || row.integer("from_port") != null
                || row.integer("to_port") != null)) {
            throw new InvalidInputException(List.of(new FieldError("ip_protocol", "The " + row.describe()
                    + " has no ip_protocol: name one (tcp, udp, icmp, or -1 for all traffic), or leave the"
                    + " ports out too and name only a source_security_group, for all TCP, UDP and ICMP from it.")));
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
        } else if (prefixList != null) {
            permission.prefixListIds(PrefixListId.builder().prefixListId(prefixList).description(description).build());
        } else {
            permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(sourceGroup).description(description)
                    .build());
        }
        return permission.build();
    }

    /**
     * Whether AWS would count the rule a duplicate of the row's: all but the description. A row
     * without a protocol (from a source group alone) is its TCP rule, of all ports.
     */
    private static boolean isTheRuleOf(DesiredResource row, SecurityGroupRule rule) {
        String referenced = rule.referencedGroupInfo() == null ? null : rule.referencedGroupInfo().groupId();
        boolean fromGroupOnly = row.text("ip_protocol") == null;
        Integer fromPort = fromGroupOnly ? Integer.valueOf(0) : row.integer("from_port");
        Integer toPort = fromGroupOnly ? Integer.valueOf(65535) : row.integer("to_port");
        return Objects.equals(row.bool("is_egress"), rule.isEgress())
                && (fromGroupOnly ? "tcp" : row.text("ip_protocol")).equalsIgnoreCase(rule.ipProtocol())
                && (fromPort == null || fromPort.equals(rule.fromPort()))
                && (toPort == null || toPort.equals(rule.toPort()))
                && ColumnValues.same("cidr", row.text("cidr_ipv4"), rule.cidrIpv4())
                && ColumnValues.same("cidr", row.text("cidr_ipv6"), rule.cidrIpv6())
                && Objects.equals(row.parent("source_security_group"), referenced)
                && Objects.equals(row.text("prefix_list_id"), rule.prefixListId());
    }

    /** The row's port, or the cloud's when the row leaves it to the cloud: the call takes both. */
    private static Integer port(DesiredResource row, CloudResource current, String column) {
        Integer wanted = row.integer(column);
        Object present = current.values().get(column);
        return wanted != null ? wanted : present == null ? null : ((Number) present).intValue();
    }

    private static List<SecurityGroupRule> rulesOf(AwsSession aws, String region, String groupId) {
        return aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.client(Ec2Client.class, region)
                .describeSecurityGroupRulesPaginator(r -> r.filters(groupFilter(groupId))).securityGroupRules()
                .stream().toList());
    }

    private static Filter groupFilter(String groupId) {
        return Filter.builder().name("group-id").values(groupId).build();
    }

    private static CloudResource read(AwsSession aws, String region, String ruleId) {
        SecurityGroupRule rule = aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.client(Ec2Client.class, region)
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
        values.put("prefix_list_id", rule.prefixListId());
        Map<String, ParentRef> parents = new HashMap<>();
        parents.put("security_group_id", ParentRef.required("security_group", rule.groupId()));
        if (rule.referencedGroupInfo() != null && rule.referencedGroupInfo().groupId() != null) {
            parents.put("source_security_group",
                    ParentRef.optional("security_group", rule.referencedGroupInfo().groupId()));
        }
        return new CloudResource(rule.securityGroupRuleId(), region, values, parents);
    }
}
