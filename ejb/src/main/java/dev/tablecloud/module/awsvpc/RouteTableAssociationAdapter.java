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
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The route_table_association table's adapter. An association binds a subnet to a route table; a
 * subnet has at most one, so it is also what an interrupted create finds. Moving it to another
 * route table is ReplaceRouteTableAssociation, in place, though AWS gives it a new id.
 *
 * <p>The main association (is_main) binds a VPC to its main route table: AWS makes it with the
 * VPC and keeps it for the VPC's life. It can be moved to another route table like any other, but
 * never made nor removed; rows that ask for either are refused, naming the row.
 *
 * <p>vpc_id is IaSQL's column: the VPC of the association's route table, which DescribeRouteTables
 * reports with the table. A row may leave it out; the table's trigger fills it from the route table
 * and refuses a VPC that is not the route table's (AWS associates a route table only with subnets of
 * its own VPC).
 */
final class RouteTableAssociationAdapter implements CloudUpdater {

    /**
     * Another subnet is another association; the route table changes in place. Whether an
     * association is the main one is compared but cannot be changed: AWS decides it.
     */
    static final CloudWrites WRITES = CloudWrites.by(new RouteTableAssociationAdapter())
            .generated("route_table_association_id")
            .replacedOn("subnet_id")
            // AWS makes and deletes the main association with its VPC: a VPC deleted or made anew
            // takes its main association along, and the new VPC's own arrives with the sync.
            .deletedWith("vpc_id", association -> Boolean.TRUE.equals(association.values().get("is_main")));

    /** Known by its route table and subnet (none for the main association). */
    static final PortableKey KEY = PortableKey.of(PortableKey.parent("route_table_id"), PortableKey.nullableParent("subnet_id"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("route_table_association", "route_table_association_id",
                ResourceTable.columns("is_main", "boolean"),
                Map.of("route_table_id", "route_table", "subnet_id", "subnet", "vpc_id", "vpc"),
                RouteTableAssociationAdapter::readAll).writtenBy(WRITES)
                .withPortableKey(KEY);

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return RouteTableAdapter.describeAll(aws, region).stream()
                .flatMap(table -> resources(table, region).stream())
                .toList();
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        if (Boolean.TRUE.equals(row.bool("is_main"))) {
            throw refused(row, "is_main", "AWS makes a VPC's main association with the VPC. To make route table "
                    + row.parent("route_table_id") + " the main one, change the route_table_id of the VPC's main"
                    + " association instead.");
        }
        if (row.parent("subnet_id") == null) {
            throw refused(row, "subnet_id", "An association binds a subnet to a route table, and no subnet is set.");
        }
        String associationId = aws.call("ec2", "AssociateRouteTable", () -> aws.client(Ec2Client.class, row.region())
                .associateRouteTable(r -> r.routeTableId(row.parent("route_table_id"))
                        .subnetId(row.parent("subnet_id")))).associationId();
        return read(aws, row.region(), associationId);
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        String subnetId = row.parent("subnet_id");
        if (subnetId == null) {
            return Optional.empty();
        }
        return describe(aws, row.region(), "association.subnet-id", subnetId).stream()
                .filter(association -> association.parents().containsKey("subnet_id")
                        && subnetId.equals(association.parents().get("subnet_id").cloudId())
                        && association.parents().get("route_table_id").cloudId().equals(row.parent("route_table_id")))
                .findFirst();
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        boolean main = Boolean.TRUE.equals(current.values().get("is_main"));
        if (main != Boolean.TRUE.equals(row.bool("is_main"))) {
            throw refused(row, "is_main", "Whether an association is its VPC's main one is AWS's to say; it is "
                    + (main ? "the main one" : "not the main one") + ".");
        }
        String associationId = current.cloudId();
        if (!Objects.equals(row.parent("route_table_id"), current.parents().get("route_table_id").cloudId())) {
            associationId = aws.call("ec2", "ReplaceRouteTableAssociation", () -> aws.client(Ec2Client.class, row.region())
                    .replaceRouteTableAssociation(r -> r.associationId(current.cloudId())
                            .routeTableId(row.parent("route_table_id")))).newAssociationId();
        }
        return read(aws, row.region(), associationId);
    }

    /**
     * The main association lives as long as its VPC: deleting its row (which happens when a VPC's
     * route tables are deleted before the VPC) asks nothing of the cloud, and AWS removes it with
     * the VPC. Alone, the row comes back at the next sync.
     */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        if (Boolean.TRUE.equals(current.values().get("is_main"))) {
            return;
        }
        aws.delete("ec2", "DisassociateRouteTable", () -> aws.client(Ec2Client.class, current.region())
                .disassociateRouteTable(r -> r.associationId(current.cloudId())));
    }

    private static InvalidInputException refused(DesiredResource row, String column, String why) {
        return new InvalidInputException(List.of(new FieldError(column, row.describe() + ": " + why)));
    }

    private static CloudResource read(AwsSession aws, String region, String associationId) {
        return describe(aws, region, "association.route-table-association-id", associationId).stream()
                .filter(association -> associationId.equals(association.cloudId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("DescribeRouteTables does not report association "
                        + associationId));
    }

    /** The associations of the route tables that match the filter. */
    private static List<CloudResource> describe(AwsSession aws, String region, String filter, String value) {
        List<RouteTable> tables = aws.call("ec2", "DescribeRouteTables", () -> aws.client(Ec2Client.class, region)
                .describeRouteTables(r -> r.filters(Filter.builder().name(filter).values(value).build())))
                .routeTables();
        return tables.stream().flatMap(table -> resources(table, region).stream()).toList();
    }

    private static List<CloudResource> resources(RouteTable table, String region) {
        return table.associations().stream().map(association -> resource(table, association, region)).toList();
    }

    private static CloudResource resource(RouteTable table, RouteTableAssociation association, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("is_main", Boolean.TRUE.equals(association.main()));
        Map<String, ParentRef> parents = new HashMap<>();
        parents.put("route_table_id", ParentRef.required("route_table", association.routeTableId()));
        parents.put("vpc_id", ParentRef.required("vpc", table.vpcId()));
        if (association.subnetId() != null) {
            parents.put("subnet_id", ParentRef.required("subnet", association.subnetId()));
        }
        return new CloudResource(association.routeTableAssociationId(), region, values, parents);
    }
}
