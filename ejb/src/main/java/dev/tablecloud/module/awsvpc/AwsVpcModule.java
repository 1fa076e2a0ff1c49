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
                VpcAdapter.DECLARATION,
                SubnetAdapter.DECLARATION,
                InternetGatewayAdapter.DECLARATION,
                RouteTableAdapter.DECLARATION,
                RouteAdapter.DECLARATION,
                RouteTableAssociationAdapter.DECLARATION),
                List.of("route_table_association_vpc()", "route_destination()"));
    }
}
