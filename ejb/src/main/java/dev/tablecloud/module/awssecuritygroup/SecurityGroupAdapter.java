package dev.tablecloud.module.awssecuritygroup;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The security_group table's adapter.
 *
 * <p>A group inserted without {@code vpc_id} is created without a VPC, which AWS puts in the
 * region's default VPC (IaSQL's behaviour); the engine writes that VPC back into the row.
 *
 * <p>Rows are the desired state: a group made through Tablecloud has exactly the rules its rows
 * say. AWS gives every new group of a VPC an egress rule allowing all traffic to 0.0.0.0/0 (and to
 * ::/0 in a VPC with an IPv6 block; moto does the same); {@link #create} revokes them right after
 * CreateSecurityGroup, as IaSQL does, so that the sync after the commit finds no rule without a row.
 * A rule row of the same commit that asks for all egress is authorized by its own create, which
 * waits for the group's. Groups that the cloud made or that were imported keep what they have.
 *
 * <p>The {@code default} group of a VPC cannot be deleted on its own: AWS removes it with its VPC.
 * {@link #delete} refuses it, naming the group, without calling the cloud (moto would delete it, AWS
 * refuses). A plan that deletes the VPC's row as well leaves the group's delete out, as
 * {@link #WRITES} declares: the VPC's delete takes the group with it.
 */
final class SecurityGroupAdapter implements CloudWriter {

    static final String DEFAULT_GROUP = "default";

    /**
     * AWS cannot rename a group, change its description or move it to another VPC: every column
     * users set replaces it. A null vpc_id lets AWS choose the region's default VPC.
     */
    static final CloudWrites WRITES = CloudWrites.replacedOnAnyChange(new SecurityGroupAdapter())
            .generated("group_id", "owner_id")
            .chosenByCloud("vpc_id")
            .deletedWith("vpc_id", group -> DEFAULT_GROUP.equals(group.values().get("group_name")));

    /** Known by its VPC (none where the cloud chose the default) and name. */
    static final PortableKey KEY = PortableKey.of(PortableKey.nullableParent("vpc_id"), PortableKey.column("group_name"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("security_group", "group_id",
                ResourceTable.columns("group_name", "text", "description", "text", "owner_id", "text"),
                Map.of("vpc_id", "vpc"), SecurityGroupAdapter::readAll)
                .writtenBy(WRITES)
                .withPortableKey(KEY);

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeSecurityGroups", () -> aws.client(Ec2Client.class, region).describeSecurityGroupsPaginator()
                .securityGroups().stream()
                .map(group -> resource(group, region))
                .toList());
    }

    /** The table has no tags column: the identity tag is the only one a create sets. */
    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        String groupId = aws.call("ec2", "CreateSecurityGroup", () -> aws.client(Ec2Client.class, row.region()).createSecurityGroup(r -> r
                .groupName(row.text("group_name"))
                .description(row.text("description"))
                .vpcId(row.parent("vpc_id"))
                .tagSpecifications(Ec2Tags.onCreate(ResourceType.SECURITY_GROUP, row, null)))).groupId();
        revokeAutomaticEgress(aws, row.region(), groupId);
        return read(aws, row.region(), groupId);
    }

    /**
     * A group an interrupted create made may still have AWS's automatic egress rules (the attempt
     * stopped between the two calls): they are revoked here too, before the group is adopted.
     */
    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        Optional<CloudResource> found = aws.call("ec2", "DescribeSecurityGroups", () -> aws.client(Ec2Client.class, row.region())
                        .describeSecurityGroups(r -> r.filters(Ec2Tags.identityFilter(row))).securityGroups())
                .stream().findFirst().map(group -> resource(group, row.region()));
        found.ifPresent(group -> revokeAutomaticEgress(aws, row.region(), group.cloudId()));
        return found;
    }

    /**
     * Revokes the egress rules of a group that no rule row made: those without the identity tag
     * every rule create sets. On a group just made these are the rules AWS adds by itself.
     */
    private static void revokeAutomaticEgress(AwsSession aws, String region, String groupId) {
        List<String> automatic = aws.call("ec2", "DescribeSecurityGroupRules", () -> aws.client(Ec2Client.class, region)
                        .describeSecurityGroupRulesPaginator(r -> r.filters(Filter.builder().name("group-id")
                                .values(groupId).build())).securityGroupRules().stream().toList())
                .stream()
                .filter(SecurityGroupRule::isEgress)
                .filter(rule -> rule.tags().stream().noneMatch(tag -> tag.key().equals(Ec2Tags.IDENTITY_TAG)))
                .map(SecurityGroupRule::securityGroupRuleId)
                .toList();
        if (!automatic.isEmpty()) {
            aws.delete("ec2", "RevokeSecurityGroupEgress", () -> aws.client(Ec2Client.class, region)
                    .revokeSecurityGroupEgress(r -> r.groupId(groupId).securityGroupRuleIds(automatic)));
        }
    }

    @Override
    public void delete(AwsSession aws, CloudResource current) {
        if (DEFAULT_GROUP.equals(current.values().get("group_name"))) {
            ParentRef vpc = current.parents().get("vpc_id");
            throw new InvalidInputException(List.of(new FieldError("group_name",
                    "security_group default (" + current.cloudId() + ")"
                            + (vpc == null ? "" : " is the default group of " + vpc.cloudId() + " and")
                            + " cannot be deleted: AWS deletes a VPC's default group only with the VPC.")));
        }
        aws.delete("ec2", "DeleteSecurityGroup", () -> aws.client(Ec2Client.class, current.region())
                .deleteSecurityGroup(r -> r.groupId(current.cloudId())));
    }

    private static CloudResource read(AwsSession aws, String region, String groupId) {
        SecurityGroup group = aws.call("ec2", "DescribeSecurityGroups", () -> aws.client(Ec2Client.class, region)
                .describeSecurityGroups(r -> r.groupIds(groupId))).securityGroups().get(0);
        return resource(group, region);
    }

    private static CloudResource resource(SecurityGroup group, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("group_name", group.groupName());
        values.put("description", group.description());
        values.put("owner_id", group.ownerId());
        Map<String, ParentRef> parents = group.vpcId() == null ? Map.of()
                : Map.of("vpc_id", ParentRef.required("vpc", group.vpcId()));
        return new CloudResource(group.groupId(), region, values, parents);
    }
}
