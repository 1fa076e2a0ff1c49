package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.Ec2Tags;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Route tables, their routes and their associations: three tables filled from the same
 * DescribeRouteTables pages, read once per sync and region.
 */
final class RouteTables {

    /** A route has no id in AWS: it is its table's and its destination's. */
    static final String ROUTE_CLOUD_ID_SQL =
            "(select t.route_table_id from route_table t where t.id = route.route_table_id) || '|' || destination";

    private RouteTables() {
    }

    static List<CloudResource> tables(AwsSession aws, String region) {
        return all(aws, region).stream().map(table -> {
            Map<String, Object> values = new HashMap<>();
            values.put("tags", Ec2Tags.toJson(table.tags()));
            return new CloudResource(table.routeTableId(), region, values,
                    Map.of("vpc_id", ParentRef.required("vpc", table.vpcId())));
        }).toList();
    }

    static List<CloudResource> routes(AwsSession aws, String region) {
        return all(aws, region).stream()
                .flatMap(table -> table.routes().stream().map(route -> route(table.routeTableId(), route, region)))
                .toList();
    }

    private static CloudResource route(String routeTableId, Route route, String region) {
        String destination = route.destinationCidrBlock() != null ? route.destinationCidrBlock()
                : route.destinationIpv6CidrBlock() != null ? route.destinationIpv6CidrBlock()
                : route.destinationPrefixListId();
        Map<String, Object> values = new HashMap<>();
        values.put("destination", destination);
        values.put("gateway_id", route.gatewayId());
        values.put("nat_gateway_id", route.natGatewayId());
        values.put("instance_id", route.instanceId());
        values.put("vpc_peering_connection_id", route.vpcPeeringConnectionId());
        values.put("transit_gateway_id", route.transitGatewayId());
        values.put("state", route.stateAsString());
        values.put("origin", route.originAsString());
        return new CloudResource(routeTableId + "|" + destination, region, values,
                Map.of("route_table_id", ParentRef.required("route_table", routeTableId)));
    }

    static List<CloudResource> associations(AwsSession aws, String region) {
        return all(aws, region).stream()
                .flatMap(table -> table.associations().stream().map(association -> association(association, region)))
                .toList();
    }

    private static CloudResource association(RouteTableAssociation association, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("is_main", Boolean.TRUE.equals(association.main()));
        Map<String, ParentRef> parents = new HashMap<>();
        parents.put("route_table_id", ParentRef.required("route_table", association.routeTableId()));
        if (association.subnetId() != null) {
            parents.put("subnet_id", ParentRef.required("subnet", association.subnetId()));
        }
        return new CloudResource(association.routeTableAssociationId(), region, values, parents);
    }

    private static List<RouteTable> all(AwsSession aws, String region) {
        return aws.once("DescribeRouteTables " + region, () -> aws.call("ec2", "DescribeRouteTables",
                () -> aws.ec2(region).describeRouteTablesPaginator().routeTables().stream().toList()));
    }
}
