package dev.tablecloud.module.awsvpc;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subnet table's adapter. A subnet has nothing users can change in place: any change replaces it. */
final class SubnetAdapter implements CloudWriter {

    static final CloudWrites WRITES = CloudWrites.replacedOnAnyChange(new SubnetAdapter())
            .generated("subnet_id", "state", "available_ip_address_count", "owner_id", "subnet_arn");
    // Not made beside the old one: a subnet moved to another zone keeps its block, which AWS lets only
    // one subnet of a VPC hold (InvalidSubnet.Conflict). Its instances go first, then the subnet; the
    // new subnet is made before the instances launched into it.

    /** Known by its VPC and CIDR block. */
    static final PortableKey KEY = PortableKey.of(PortableKey.parent("vpc_id"), PortableKey.column("cidr_block"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("subnet", "subnet_id",
                ResourceTable.columns("availability_zone", "text", "cidr_block", "cidr", "state", "text",
                        "available_ip_address_count", "integer", "owner_id", "text", "subnet_arn", "text"),
                Map.of("vpc_id", "vpc"), SubnetAdapter::readAll).writtenBy(WRITES)
                .withPortableKey(KEY);

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeSubnets", () -> aws.client(Ec2Client.class, region).describeSubnetsPaginator().subnets().stream()
                .map(subnet -> resource(subnet, region))
                .toList());
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        Subnet subnet = aws.call("ec2", "CreateSubnet", () -> aws.client(Ec2Client.class, row.region()).createSubnet(r -> r
                .vpcId(row.parent("vpc_id"))
                .cidrBlock(row.text("cidr_block"))
                .availabilityZone(row.text("availability_zone"))
                .tagSpecifications(Ec2Tags.onCreate(ResourceType.SUBNET, row, null)))).subnet();
        return resource(subnet, row.region());
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return aws.call("ec2", "DescribeSubnets", () -> aws.client(Ec2Client.class, row.region())
                        .describeSubnets(r -> r.filters(Ec2Tags.identityFilter(row))).subnets())
                .stream().findFirst().map(subnet -> resource(subnet, row.region()));
    }

    @Override
    public void delete(AwsSession aws, CloudResource current) {
        aws.delete("ec2", "DeleteSubnet", () -> aws.client(Ec2Client.class, current.region())
                .deleteSubnet(r -> r.subnetId(current.cloudId())));
    }

    private static CloudResource resource(Subnet subnet, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("availability_zone", subnet.availabilityZone());
        values.put("cidr_block", subnet.cidrBlock());
        values.put("state", subnet.stateAsString());
        values.put("available_ip_address_count", subnet.availableIpAddressCount());
        values.put("owner_id", subnet.ownerId());
        values.put("subnet_arn", subnet.subnetArn());
        return new CloudResource(subnet.subnetId(), region, values,
                Map.of("vpc_id", ParentRef.required("vpc", subnet.vpcId())));
    }
}
