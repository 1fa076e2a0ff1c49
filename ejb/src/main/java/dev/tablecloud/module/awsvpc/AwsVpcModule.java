package dev.tablecloud.module.awsvpc;

import dev.tablecloud.module.CloudReader;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awsaccount.AwsAccountModule;

import java.util.List;
import java.util.Map;

/** aws_vpc: VPCs, subnets, internet gateways and route tables. */
public final class AwsVpcModule {

    public static final String NAME = "aws_vpc";

    private AwsVpcModule() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsAccountModule.NAME), List.of(
                ResourceTable.regional("vpc", "vpc_id",
                        ResourceTable.columns("cidr_block", "cidr", "state", "text", "is_default", "boolean", "tags",
                                "jsonb", "enable_dns_support", "boolean", "enable_dns_hostnames", "boolean"),
                        Map.of(), CloudReader.withPerResourceAttributes(VpcAdapter::read))
                        .writtenBy(VpcAdapter.WRITES)
                        .withPortableKey(VpcAdapter.KEY),
                ResourceTable.regional("subnet", "subnet_id",
                        ResourceTable.columns("availability_zone", "text", "cidr_block", "cidr", "state", "text",
                                "available_ip_address_count", "integer", "owner_id", "text", "subnet_arn", "text"),
                        Map.of("vpc_id", "vpc"), SubnetAdapter::readAll).writtenBy(SubnetAdapter.WRITES)
                        .withPortableKey(SubnetAdapter.KEY),
                ResourceTable.regional("internet_gateway", "internet_gateway_id",
                        ResourceTable.columns("tags", "jsonb"), Map.of("vpc_id", "vpc"),
                        InternetGatewayAdapter::readAll).writtenBy(InternetGatewayAdapter.WRITES)
                        .withPortableKey(InternetGatewayAdapter.KEY),
                ResourceTable.regional("route_table", "route_table_id",
                        ResourceTable.columns("tags", "jsonb"), Map.of("vpc_id", "vpc"), RouteTableAdapter::readAll)
                        .writtenBy(RouteTableAdapter.WRITES)
                        .withPortableKey(RouteTableAdapter.KEY),
                ResourceTable.link("route", RouteAdapter.CLOUD_ID_SQL,
                        ResourceTable.columns("destination", "text", "gateway_id", "text", "nat_gateway_id", "text",
                                "instance_id", "text", "vpc_peering_connection_id", "text", "transit_gateway_id",
                                "text", "state", "text", "origin", "text", "egress_only_internet_gateway_id", "text",
                                "local_gateway_id", "text", "carrier_gateway_id", "text", "core_network_arn", "text",
                                "instance_owner_id", "text"),
                        Map.of("route_table_id", "route_table"), RouteAdapter::readAll)
                        .writtenBy(RouteAdapter.WRITES)
                        .withPortableKey(RouteAdapter.KEY),
                ResourceTable.regional("route_table_association", "route_table_association_id",
                        ResourceTable.columns("is_main", "boolean"),
                        Map.of("route_table_id", "route_table", "subnet_id", "subnet", "vpc_id", "vpc"),
                        RouteTableAssociationAdapter::readAll).writtenBy(RouteTableAssociationAdapter.WRITES)
                        .withPortableKey(RouteTableAssociationAdapter.KEY)),
                List.of("route_table_association_vpc()", "route_destination()"));
    }
}
