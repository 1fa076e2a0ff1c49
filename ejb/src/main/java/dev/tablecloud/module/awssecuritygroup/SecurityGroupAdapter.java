package dev.tablecloud.module.awssecuritygroup;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

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
 * <p>AWS gives every new group one egress rule, all traffic to 0.0.0.0/0. It is a resource like any
 * other: the sync after the commit reads it as a security_group_rule row, and a plan made from rows
 * that do not keep it deletes it. That is IaSQL's behaviour too; users who want it keep its row, and
 * a rule row inserted for it is matched to it by the rule adapter rather than refused as a duplicate.
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
    static final CloudWrites WRITES = CloudWrites.by(new SecurityGroupAdapter())
            .generated("group_id", "owner_id")
            .replacedOn("group_name", "description", "vpc_id")
            .chosenByCloud("vpc_id")
            .deletedWith("vpc_id", group -> DEFAULT_GROUP.equals(group.values().get("group_name")));

    /** Known by its VPC (none where the cloud chose the default) and name. */
    static final PortableKey KEY = PortableKey.of(PortableKey.nullableParent("vpc_id"), PortableKey.column("group_name"));

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeSecurityGroups", () -> aws.ec2(region).describeSecurityGroupsPaginator()
                .securityGroups().stream()
                .map(group -> resource(group, region))
                .toList());
    }

    /** The table has no tags column: the identity tag is the only one a create sets. */
    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        String groupId = aws.call("ec2", "CreateSecurityGroup", () -> aws.ec2(row.region()).createSecurityGroup(r -> r
                .groupName(row.text("group_name"))
                .description(row.text("description"))
                .vpcId(row.parent("vpc_id"))
                .tagSpecifications(Ec2Tags.onCreate(ResourceType.SECURITY_GROUP, row, null)))).groupId();
        return read(aws, row.region(), groupId);
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return aws.call("ec2", "DescribeSecurityGroups", () -> aws.ec2(row.region())
                        .describeSecurityGroups(r -> r.filters(Ec2Tags.identityFilter(row))).securityGroups())
                .stream().findFirst().map(group -> resource(group, row.region()));
    }

    /** Never called: every column users set forces a replace. */
    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        return current;
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
        aws.delete("ec2", "DeleteSecurityGroup", () -> aws.ec2(current.region())
                .deleteSecurityGroup(r -> r.groupId(current.cloudId())));
    }

    private static CloudResource read(AwsSession aws, String region, String groupId) {
        SecurityGroup group = aws.call("ec2", "DescribeSecurityGroups", () -> aws.ec2(region)
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
