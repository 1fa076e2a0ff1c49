package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import software.amazon.awssdk.services.ec2.model.Route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The route table's adapter. A route has no id in AWS: it is known by its route table and destination. */
final class RouteAdapter {

    /** A route's cloud id: its table's and its destination's. */
    static final String CLOUD_ID_SQL =
            "(select t.route_table_id from route_table t where t.id = route.route_table_id) || '|' || destination";

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return RouteTableAdapter.describeAll(aws, region).stream()
                .flatMap(table -> table.routes().stream().map(route -> resource(table.routeTableId(), route, region)))
                .toList();
    }

    private static CloudResource resource(String routeTableId, Route route, String region) {
        String destination = destination(route);
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

    private static String destination(Route route) {
        return route.destinationCidrBlock() != null ? route.destinationCidrBlock()
                : route.destinationIpv6CidrBlock() != null ? route.destinationIpv6CidrBlock()
                : route.destinationPrefixListId();
    }
}
