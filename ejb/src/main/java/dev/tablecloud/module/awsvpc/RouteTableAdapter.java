package dev.tablecloud.module.awsvpc;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route_table table's adapter. Route tables, their routes and their associations are three
 * tables filled from the same DescribeRouteTables pages, read once per sync and region. AWS gives
 * a new route table its local route, which the route adapter reads and users never make.
 */
final class RouteTableAdapter implements CloudUpdater {

    /** A route table belongs to its VPC for life; its tags change in place. */
    /** Marks, among a resource's values, the VPC's main route table (no column of its own). */
    static final String MAIN = "main";

    static final CloudWrites WRITES = CloudWrites.by(new RouteTableAdapter())
            .generated("route_table_id")
            .replacedOn("vpc_id")
            // AWS refuses to delete a VPC's main route table; it goes with the VPC.
            .deletedWith("vpc_id", table -> Boolean.TRUE.equals(table.values().get(MAIN)));

    /** Known by its VPC and Name tag. */
    static final PortableKey KEY = PortableKey.of(PortableKey.parent("vpc_id"), PortableKey.tag("Name"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("route_table", "route_table_id",
                ResourceTable.columns("tags", "jsonb"), Map.of("vpc_id", "vpc"), RouteTableAdapter::readAll)
                .writtenBy(WRITES)
                .withPortableKey(KEY);


    static List<CloudResource> readAll(AwsSession aws, String region) {
        return describeAll(aws, region).stream().map(table -> resource(table, region)).toList();
    }

    /** Every route table of the region, read once per session for the three tables that need them. */
    static List<RouteTable> describeAll(AwsSession aws, String region) {
        return aws.once("DescribeRouteTables " + region, () -> aws.call("ec2", "DescribeRouteTables",
                () -> aws.client(Ec2Client.class, region).describeRouteTablesPaginator().routeTables().stream().toList()));
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        RouteTable table = aws.call("ec2", "CreateRouteTable", () -> aws.client(Ec2Client.class, row.region()).createRouteTable(r -> r
                .vpcId(row.parent("vpc_id"))
                .tagSpecifications(Ec2Tags.onCreate(ResourceType.ROUTE_TABLE, row, "tags")))).routeTable();
        return resource(table, row.region());
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return aws.call("ec2", "DescribeRouteTables", () -> aws.client(Ec2Client.class, row.region())
                        .describeRouteTables(r -> r.filters(Ec2Tags.identityFilter(row))).routeTables())
                .stream().findFirst().map(table -> resource(table, row.region()));
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        Ec2Tags.update(aws, row.region(), current.cloudId(), row, "tags", current);
        RouteTable table = aws.call("ec2", "DescribeRouteTables", () -> aws.client(Ec2Client.class, row.region())
                .describeRouteTables(r -> r.routeTableIds(current.cloudId()))).routeTables().get(0);
        return resource(table, row.region());
    }

    /** Its routes go with it; EC2 refuses while a subnet is still associated with it. */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        aws.delete("ec2", "DeleteRouteTable", () -> aws.client(Ec2Client.class, current.region())
                .deleteRouteTable(r -> r.routeTableId(current.cloudId())));
    }

    private static CloudResource resource(RouteTable table, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("tags", Ec2Tags.toJson(table.tags()));
        values.put(MAIN, table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())));
        return new CloudResource(table.routeTableId(), region, values,
                Map.of("vpc_id", ParentRef.required("vpc", table.vpcId())));
    }
}
