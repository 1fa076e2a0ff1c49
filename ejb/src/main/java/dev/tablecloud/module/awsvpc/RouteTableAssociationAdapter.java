package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The route_table_association table's adapter. */
final class RouteTableAssociationAdapter {

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return RouteTableAdapter.describeAll(aws, region).stream()
                .flatMap(table -> table.associations().stream().map(association -> resource(association, region)))
                .toList();
    }

    private static CloudResource resource(RouteTableAssociation association, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("is_main", Boolean.TRUE.equals(association.main()));
        Map<String, ParentRef> parents = new HashMap<>();
        parents.put("route_table_id", ParentRef.required("route_table", association.routeTableId()));
        if (association.subnetId() != null) {
            parents.put("subnet_id", ParentRef.required("subnet", association.subnetId()));
        }
        return new CloudResource(association.routeTableAssociationId(), region, values, parents);
    }
}
