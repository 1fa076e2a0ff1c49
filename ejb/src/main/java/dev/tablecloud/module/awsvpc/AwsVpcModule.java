package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.awsaccount.AwsAccountModule;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * aws_vpc. The DNS attributes of a VPC are not read by a sync: EC2 reports them only one VPC per
 * call, and a sync makes one call per page. They stay as users set them.
 */
public final class AwsVpcModule {

    public static final String NAME = "aws_vpc";

    private AwsVpcModule() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsAccountModule.NAME), List.of(
                ResourceTable.regional("vpc", "vpc_id",
                        ResourceTable.columns("cidr_block", "cidr", "state", "text", "is_default", "boolean", "tags", "jsonb"),
                        Map.of(), AwsVpcModule::vpcs),
                ResourceTable.regional("subnet", "subnet_id",
                        ResourceTable.columns("availability_zone", "text", "cidr_block", "cidr", "state", "text",
                                "available_ip_address_count", "integer", "owner_id", "text", "subnet_arn", "text"),
                        Map.of("vpc_id", "vpc"), AwsVpcModule::subnets),
                ResourceTable.regional("internet_gateway", "internet_gateway_id",
                        ResourceTable.columns("tags", "jsonb"), Map.of("vpc_id", "vpc"),
                        AwsVpcModule::internetGateways),
                ResourceTable.regional("route_table", "route_table_id",
                        ResourceTable.columns("tags", "jsonb"), Map.of("vpc_id", "vpc"), RouteTables::tables),
                ResourceTable.link("route", RouteTables.ROUTE_CLOUD_ID_SQL,
                        ResourceTable.columns("destination", "text", "gateway_id", "text", "nat_gateway_id", "text",
                                "instance_id", "text", "vpc_peering_connection_id", "text", "transit_gateway_id",
                                "text", "state", "text", "origin", "text"),
                        Map.of("route_table_id", "route_table"), RouteTables::routes),
                ResourceTable.regional("route_table_association", "route_table_association_id",
                        ResourceTable.columns("is_main", "boolean"),
                        Map.of("route_table_id", "route_table", "subnet_id", "subnet"), RouteTables::associations)));
    }

    static List<CloudResource> internetGateways(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeInternetGateways", () -> aws.ec2(region).describeInternetGatewaysPaginator()
                .internetGateways().stream()
                .map(gateway -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put("tags", Ec2Tags.toJson(gateway.tags()));
                    Map<String, ParentRef> parents = gateway.attachments().isEmpty() ? Map.of()
                            : Map.of("vpc_id", ParentRef.optional("vpc", gateway.attachments().get(0).vpcId()));
                    return new CloudResource(gateway.internetGatewayId(), region, values, parents);
                })
                .toList());
    }

    static List<CloudResource> vpcs(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeVpcs", () -> aws.ec2(region).describeVpcsPaginator().vpcs().stream()
                .map(vpc -> vpc(vpc, region))
                .toList());
    }

    private static CloudResource vpc(Vpc vpc, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("cidr_block", vpc.cidrBlock());
        values.put("state", vpc.stateAsString());
        values.put("is_default", vpc.isDefault());
        values.put("tags", Ec2Tags.toJson(vpc.tags()));
        return new CloudResource(vpc.vpcId(), region, values, Map.of());
    }

    static List<CloudResource> subnets(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeSubnets", () -> aws.ec2(region).describeSubnetsPaginator().subnets().stream()
                .map(subnet -> subnet(subnet, region))
                .toList());
    }

    private static CloudResource subnet(Subnet subnet, String region) {
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
