package dev.tablecloud.module.awsvpc;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table's adapter. A route has no id in AWS: it is known by its route table and
 * destination, and so is what an interrupted create made. Its target, the one *_id column set,
 * changes in place with ReplaceRoute.
 *
 * <p>The local route is AWS's: it comes with its route table, to the VPC's block, and goes with
 * it. A row asking for it finds it rather than making it; a change of its target is refused,
 * naming the row; and its delete leaves it alone, since a route table's routes are deleted with
 * the table, the local one included, when users delete the table.
 */
final class RouteAdapter implements CloudUpdater {

    /** A route's cloud id: its table's and its destination's. */
    static final String CLOUD_ID_SQL =
            "(select t.route_table_id from route_table t where t.id = route.route_table_id) || '|' || destination";

    /**
     * Table and destination make the route (they are its cloud id), so a change to either is
     * another route; state (active or blackhole), origin and the owner of a target instance are the
     * cloud's. destination_cidr_block, destination_ipv6_cidr_block and destination_prefix_list_id,
     * IaSQL's columns, are the destination again, by its kind: the table's trigger keeps them so,
     * and a script may set either form.
     */
    static final CloudWrites WRITES = CloudWrites.by(new RouteAdapter())
            .generated("state", "origin", "instance_owner_id")
            .replacedOn("route_table_id", "destination")
            // The local route goes with its table, and a table made anew (moved to a new VPC) comes with
            // its own, to the new VPC's block: its row does not move, the sync reads the new one.
            .deletedWith("route_table_id", RouteAdapter::isLocal);

    /**
     * Where a route's traffic goes: a route has exactly one of them, by its cloud id. Not a network
     * interface: EC2 reports a route to an instance with the instance's interface too, so the column
     * would name a second target of every such route.
     */
    private static final List<String> TARGETS = List.of("gateway_id", "nat_gateway_id", "instance_id",
            "vpc_peering_connection_id", "transit_gateway_id", "egress_only_internet_gateway_id",
            "local_gateway_id", "carrier_gateway_id", "core_network_arn");

    /** Known by its route table and destination; its target is an id of this account only. */
    static final PortableKey KEY = PortableKey.of(PortableKey.parent("route_table_id"), PortableKey.column("destination"))
            .withAccountSpecific(TARGETS.toArray(String[]::new));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.link("route", CLOUD_ID_SQL,
                ResourceTable.columns("destination", "text", "gateway_id", "text", "nat_gateway_id", "text",
                        "instance_id", "text", "vpc_peering_connection_id", "text", "transit_gateway_id",
                        "text", "state", "text", "origin", "text", "egress_only_internet_gateway_id", "text",
                        "local_gateway_id", "text", "carrier_gateway_id", "text", "core_network_arn", "text",
                        "instance_owner_id", "text"),
                Map.of("route_table_id", "route_table"), RouteAdapter::readAll)
                .writtenBy(WRITES)
                .withPortableKey(KEY)
                // IaSQL's forms of the destination, one per kind, which the table's trigger keeps.
                .withDatabaseColumns("destination_cidr_block", "text", "destination_ipv6_cidr_block", "text",
                        "destination_prefix_list_id", "text");

    private static final String LOCAL = "local";

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return RouteTableAdapter.describeAll(aws, region).stream()
                .flatMap(table -> table.routes().stream().map(route -> resource(table.routeTableId(), route, region)))
                .toList();
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        String routeTableId = row.parent("route_table_id");
        String destination = row.text("destination");
        if (LOCAL.equals(row.text("gateway_id"))) {
            return findCreated(aws, row).filter(RouteAdapter::isLocal).orElseThrow(() -> refused(row, "gateway_id",
                    "AWS makes the local route of a route table, to its VPC's block, with the table; route table "
                            + routeTableId + " has no local route to " + destination + "."));
        }
        oneTarget(row);
        aws.call("ec2", "CreateRoute", () -> aws.client(Ec2Client.class, row.region()).createRoute(r -> r
                .routeTableId(routeTableId)
                .destinationCidrBlock(ipv4(destination))
                .destinationIpv6CidrBlock(ipv6(destination))
                .destinationPrefixListId(prefixList(destination))
                .gatewayId(row.text("gateway_id"))
                .natGatewayId(row.text("nat_gateway_id"))
                .instanceId(row.text("instance_id"))
                .vpcPeeringConnectionId(row.text("vpc_peering_connection_id"))
                .transitGatewayId(row.text("transit_gateway_id"))
                .egressOnlyInternetGatewayId(row.text("egress_only_internet_gateway_id"))
                .localGatewayId(row.text("local_gateway_id"))
                .carrierGatewayId(row.text("carrier_gateway_id"))
                .coreNetworkArn(row.text("core_network_arn"))));
        return find(aws, row.region(), routeTableId, destination).orElseThrow(() -> notReported(row));
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        String routeTableId = row.parent("route_table_id");
        return routeTableId == null ? Optional.empty()
                : find(aws, row.region(), routeTableId, row.text("destination"));
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        if (isLocal(current) || LOCAL.equals(row.text("gateway_id"))) {
            throw refused(row, "gateway_id", "The local route of a route table is AWS's: it always leads to the"
                    + " VPC, and no route can be made local.");
        }
        oneTarget(row);
        String routeTableId = row.parent("route_table_id");
        String destination = row.text("destination");
        aws.call("ec2", "ReplaceRoute", () -> aws.client(Ec2Client.class, row.region()).replaceRoute(r -> r
                .routeTableId(routeTableId)
                .destinationCidrBlock(ipv4(destination))
                .destinationIpv6CidrBlock(ipv6(destination))
                .destinationPrefixListId(prefixList(destination))
                .gatewayId(row.text("gateway_id"))
                .natGatewayId(row.text("nat_gateway_id"))
                .instanceId(row.text("instance_id"))
                .vpcPeeringConnectionId(row.text("vpc_peering_connection_id"))
                .transitGatewayId(row.text("transit_gateway_id"))
                .egressOnlyInternetGatewayId(row.text("egress_only_internet_gateway_id"))
                .localGatewayId(row.text("local_gateway_id"))
                .carrierGatewayId(row.text("carrier_gateway_id"))
                .coreNetworkArn(row.text("core_network_arn"))));
        return find(aws, row.region(), routeTableId, destination).orElseThrow(() -> notReported(row));
    }

    /** The local route is left alone: it goes with its route table. */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        if (isLocal(current)) {
            return;
        }
        String routeTableId = current.parents().get("route_table_id").cloudId();
        String destination = current.values().get("destination").toString();
        aws.delete("ec2", "DeleteRoute", () -> aws.client(Ec2Client.class, current.region()).deleteRoute(r -> r
                .routeTableId(routeTableId)
                .destinationCidrBlock(ipv4(destination))
                .destinationIpv6CidrBlock(ipv6(destination))
                .destinationPrefixListId(prefixList(destination))));
    }

    private static boolean isLocal(CloudResource route) {
        return LOCAL.equals(route.values().get("gateway_id"));
    }

    /** EC2 wants exactly one target; a row with none or several is refused before any call. */
    private static void oneTarget(DesiredResource row) {
        List<String> set = TARGETS.stream().filter(column -> row.text(column) != null).toList();
        if (set.size() != 1) {
            throw refused(row, set.isEmpty() ? "gateway_id" : set.get(1), "A route leads to exactly one of "
                    + String.join(", ", TARGETS) + (set.isEmpty() ? ", and none is set." : ", not to "
                    + String.join(" and ", set) + " at once."));
        }
    }

    private static IllegalStateException notReported(DesiredResource row) {
        return new IllegalStateException("DescribeRouteTables does not report the route of " + row.describe());
    }

    private static InvalidInputException refused(DesiredResource row, String column, String why) {
        return new InvalidInputException(List.of(new FieldError(column, row.describe() + ": " + why)));
    }

    /** The route table's route to the destination, if it has one; none if the table is gone. */
    private static Optional<CloudResource> find(AwsSession aws, String region, String routeTableId,
                                                String destination) {
        Filter byId = Filter.builder().name("route-table-id").values(routeTableId).build();
        return aws.call("ec2", "DescribeRouteTables", () -> aws.client(Ec2Client.class, region)
                        .describeRouteTables(r -> r.filters(byId)).routeTables())
                .stream()
                .flatMap(table -> table.routes().stream()
                        .filter(route -> destination.equals(destination(route)))
                        .map(route -> resource(table.routeTableId(), route, region)))
                .findFirst();
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
        values.put("egress_only_internet_gateway_id", route.egressOnlyInternetGatewayId());
        values.put("local_gateway_id", route.localGatewayId());
        values.put("carrier_gateway_id", route.carrierGatewayId());
        values.put("core_network_arn", route.coreNetworkArn());
        values.put("instance_owner_id", route.instanceOwnerId());
        values.put("state", route.stateAsString());
        values.put("origin", route.originAsString());
        return new CloudResource(routeTableId + "|" + destination, region, values,
                Map.of("route_table_id", ParentRef.required("route_table", routeTableId)));
    }

    /** The destination column holds one of the three kinds EC2 takes in three parameters. */
    private static String destination(Route route) {
        return route.destinationCidrBlock() != null ? route.destinationCidrBlock()
                : route.destinationIpv6CidrBlock() != null ? route.destinationIpv6CidrBlock()
                : route.destinationPrefixListId();
    }

    private static String prefixList(String destination) {
        return destination.startsWith("pl-") ? destination : null;
    }

    private static String ipv6(String destination) {
        return prefixList(destination) == null && destination.contains(":") ? destination : null;
    }

    private static String ipv4(String destination) {
        return prefixList(destination) == null && ipv6(destination) == null ? destination : null;
    }
}
