package dev.tablecloud.module.awsroute53;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.route53.Route53Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The resource_record_set table's adapter. A record set has no id of its own: it is known by zone,
 * name and type (ListResourceRecordSets pages of each zone are the only way Route 53 lists them),
 * and a zone holds at most one set of a name and type (sets with routing policies, which carry a
 * set identifier, are not in this table). Name and type are therefore its identity.
 *
 * <p>A create is an UPSERT, not a CREATE: repeated after a crash, a CREATE would be refused because
 * the set exists, while an UPSERT sets the same values again. A set of that name and type the table
 * did not know of is taken over, with the row's values.
 *
 * <p>The values of a set are the {@code record} column, one per line.
 *
 * <p>A zone's SOA set and its NS set at the apex belong to the zone: Route 53 makes them with it,
 * refuses to delete them, and deletes them with it. Deleting their rows deletes nothing in the
 * cloud (a commit deletes a zone's record rows before the zone, whose delete takes them); their
 * values can be changed like those of any other set.
 */
final class RecordSetAdapter implements CloudUpdater {

    private static final String ZONE = "parent_hosted_zone_id";

    /**
     * Marks, among a set's values, the zone's own SOA and apex NS sets (no column of its own): known
     * where the zone's listing is read, absent for a set a create answered.
     */
    static final String ZONES_OWN = "zones_own";

    /**
     * The identity of a set (its zone, name and type) cannot change; values and TTL change in place.
     * The zone's own SOA and NS go with the zone: a plan that deletes or replaces the zone leaves them
     * to it, and the new zone comes with its own.
     */
    static final CloudWrites WRITES = CloudWrites.by(new RecordSetAdapter())
            .replacedOn("name", "record_type", ZONE)
            .deletedWith(ZONE, set -> Boolean.TRUE.equals(set.values().get(ZONES_OWN)));

    /** Known by its zone, name and type. */
    static final PortableKey KEY = PortableKey.of(PortableKey.parent("parent_hosted_zone_id"), PortableKey.column("name"),
            PortableKey.column("record_type"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = new ResourceTable("resource_record_set", "id",
                "((select z.hosted_zone_id from hosted_zone z where z.id = resource_record_set"
                        + ".parent_hosted_zone_id) || '|' || name || '|' || record_type)",
                ResourceTable.columns("name", "text", "record_type", "text", "record", "text", "ttl",
                        "integer"),
                Map.of("parent_hosted_zone_id", "hosted_zone"), false, true, ResourceTable.ALL_CHANGES,
                RecordSetAdapter::readAll).writtenBy(WRITES)
                .withPortableKey(KEY);

    static List<CloudResource> readAll(AwsSession aws, String ignoredRegion) {
        List<CloudResource> sets = new ArrayList<>();
        for (HostedZone zone : HostedZoneAdapter.listZones(aws)) {
            String zoneId = HostedZoneAdapter.zoneId(zone);
            sets.addAll(aws.call("route53", "ListResourceRecordSets", () -> aws.client(Route53Client.class)
                    .listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId))
                    .resourceRecordSets().stream()
                    .map(set -> resource(zoneId, set).with(ZONES_OWN, set.typeAsString().equals("SOA")
                            || (set.typeAsString().equals("NS") && Route53Names.same(zone.name(), set.name()))))
                    .toList()));
        }
        return sets;
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        return upsert(aws, row);
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        String zoneId = row.parent(ZONE);
        return lookUp(aws, zoneId, row.text("name"), row.text("record_type")).map(set -> resource(zoneId, set));
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        return upsert(aws, row);
    }

    /**
     * Deletes the set as Route 53 holds it now: a DELETE must repeat the set's current values, which
     * may have changed since the read.
     */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        String zoneId = current.parents().get(ZONE).cloudId();
        String name = (String) current.values().get("name");
        String type = (String) current.values().get("record_type");
        if (type.equals("SOA") || (type.equals("NS") && isApex(aws, zoneId, name))) {
            return;
        }
        lookUp(aws, zoneId, name, type).ifPresent(set -> change(aws, zoneId, ChangeAction.DELETE, set));
    }

    private static CloudResource upsert(AwsSession aws, DesiredResource row) {
        String zoneId = row.parent(ZONE);
        ResourceRecordSet set = desired(row);
        change(aws, zoneId, ChangeAction.UPSERT, set);
        return lookUp(aws, zoneId, set.name(), set.typeAsString()).map(found -> resource(zoneId, found))
                .orElseGet(() -> resource(zoneId, set));
    }

    private static void change(AwsSession aws, String zoneId, ChangeAction action, ResourceRecordSet set) {
        aws.call("route53", "ChangeResourceRecordSets", () -> aws.client(Route53Client.class).changeResourceRecordSets(r -> r
                .hostedZoneId(zoneId)
                .changeBatch(b -> b.changes(c -> c.action(action).resourceRecordSet(set)))));
    }

    /** The set the row describes; a row without values or TTL cannot be one and is refused, naming it. */
    private static ResourceRecordSet desired(DesiredResource row) {
        List<ResourceRecord> values = row.text("record") == null ? List.of()
                : Arrays.stream(row.text("record").split("\n"))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .map(value -> ResourceRecord.builder().value(value).build())
                        .toList();
        List<FieldError> errors = new ArrayList<>();
        if (values.isEmpty()) {
            errors.add(new FieldError("record", "The record of " + row.describe()
                    + " holds no value: a record set needs at least one, one per line."));
        }
        if (row.integer("ttl") == null) {
            errors.add(new FieldError("ttl", "The ttl of " + row.describe() + " is missing: a record set needs one."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return ResourceRecordSet.builder()
                .name(Route53Names.absolute(row.text("name")))
                .type(row.text("record_type"))
                .ttl(row.integer("ttl").longValue())
                .resourceRecords(values)
                .build();
    }

    /**
     * The set of this name and type, if the zone holds one: the first of a listing that starts at
     * it. A zone that is gone holds none.
     */
    private static Optional<ResourceRecordSet> lookUp(AwsSession aws, String zoneId, String name, String type) {
        try {
            return aws.call("route53", "ListResourceRecordSets", () -> aws.client(Route53Client.class)
                            .listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                                    .startRecordName(Route53Names.absolute(name)).startRecordType(type).maxItems("1"))
                            .resourceRecordSets())
                    .stream()
                    .filter(set -> Route53Names.same(set.name(), name) && set.typeAsString().equals(type))
                    .findFirst();
        } catch (CloudRefusedException e) {
            if (e.resourceIsGone()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether the name is the zone's own; a zone that is gone has taken its sets with it. */
    private static boolean isApex(AwsSession aws, String zoneId, String name) {
        try {
            HostedZone zone = aws.call("route53", "GetHostedZone", () -> aws.client(Route53Client.class)
                    .getHostedZone(r -> r.id(zoneId)).hostedZone());
            return Route53Names.same(zone.name(), name);
        } catch (CloudRefusedException e) {
            if (e.resourceIsGone()) {
                return true;
            }
            throw e;
        }
    }

    private static CloudResource resource(String zoneId, ResourceRecordSet set) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", set.name());
        values.put("record_type", set.typeAsString());
        values.put("record", set.resourceRecords().stream().map(ResourceRecord::value)
                .collect(Collectors.joining("\n")));
        values.put("ttl", set.ttl() == null ? null : set.ttl().intValue());
        return new CloudResource(zoneId + "|" + set.name() + "|" + set.typeAsString(), null, values,
                Map.of(ZONE, ParentRef.required("hosted_zone", zoneId)));
    }
}
