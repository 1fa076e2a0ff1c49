package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.Ec2Tags;
import software.amazon.awssdk.services.ec2.model.RouteTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The route_table table's adapter. Route tables, their routes and their associations are three
 * tables filled from the same DescribeRouteTables pages, read once per sync and region.
 */
final class RouteTableAdapter {

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return describeAll(aws, region).stream().map(table -> resource(table, region)).toList();
    }

    /**
     * Every route table of the region, read once per session for the three tables that need them,
     * and read again once a write has changed them: a commit reads back with the session it wrote
     * with.
     */
    static List<RouteTable> describeAll(AwsSession aws, String region) {
        int writes = writes(aws, region).get();
        return aws.once("DescribeRouteTables " + region + " after " + writes + " writes", () -> aws.call("ec2",
                "DescribeRouteTables", () -> aws.ec2(region).describeRouteTablesPaginator().routeTables().stream()
                        .toList()));
    }

    /**
     * Called by every write that changes what DescribeRouteTables reports (a VPC brings its main
     * route table, a subnet takes its association with it), so that the next read is not stale.
     */
    static void changed(AwsSession aws, String region) {
        writes(aws, region).incrementAndGet();
    }

    private static AtomicInteger writes(AwsSession aws, String region) {
        return aws.once("aws_vpc route table writes " + region, AtomicInteger::new);
    }

    private static CloudResource resource(RouteTable table, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("tags", Ec2Tags.toJson(table.tags()));
        return new CloudResource(table.routeTableId(), region, values,
                Map.of("vpc_id", ParentRef.required("vpc", table.vpcId())));
    }
}
