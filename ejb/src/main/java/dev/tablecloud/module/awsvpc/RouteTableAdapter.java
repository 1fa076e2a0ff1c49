package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.Ec2Tags;
import software.amazon.awssdk.services.ec2.model.RouteTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The route_table table's adapter. Route tables, their routes and their associations are three
 * tables filled from the same DescribeRouteTables pages, read once per sync and region.
 */
final class RouteTableAdapter {

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return describeAll(aws, region).stream().map(table -> resource(table, region)).toList();
    }

    /** Every route table of the region, read once per session for the three tables that need them. */
    static List<RouteTable> describeAll(AwsSession aws, String region) {
        return aws.once("DescribeRouteTables " + region, () -> aws.call("ec2", "DescribeRouteTables",
                () -> aws.ec2(region).describeRouteTablesPaginator().routeTables().stream().toList()));
    }

    private static CloudResource resource(RouteTable table, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("tags", Ec2Tags.toJson(table.tags()));
        return new CloudResource(table.routeTableId(), region, values,
                Map.of("vpc_id", ParentRef.required("vpc", table.vpcId())));
    }
}
