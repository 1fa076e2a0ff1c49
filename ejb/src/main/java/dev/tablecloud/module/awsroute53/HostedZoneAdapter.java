package dev.tablecloud.module.awsroute53;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.route53.Route53Client;
import dev.tablecloud.secret.Digests;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.route53.model.HostedZone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hosted_zone table's adapter. Every CreateHostedZone carries a caller reference, and Route 53
 * refuses a second create with the same one (HostedZoneAlreadyExists): derived from the row's
 * identity and domain, the reference is what makes a create repeatable and what finds the zone
 * again after a crash. Route 53 allows several zones of one name, so the name alone would not.
 *
 * <p>Deleting a zone that still holds record sets other than its own SOA and NS is refused by
 * Route 53 (HostedZoneNotEmpty), and that refusal is what users see: a commit deletes the record
 * rows of a zone before the zone (and moves them to the new zone when a rename replaces it), so it
 * only happens to records the table does not know of.
 */
final class HostedZoneAdapter implements CloudUpdater {

    /** Longest reference kept readable; Route 53 takes 128 characters, a retry suffix needs the rest. */
    private static final int READABLE_REFERENCE = 100;

    /**
     * A zone's name is fixed for its life: a new name is a new zone. The comment changes in place.
     * Route 53 refuses DeleteHostedZone while the zone holds sets other than its SOA and NS
     * (HostedZoneNotEmpty), and several zones may share a name: a replace makes the new zone first,
     * moves the record sets to it, and deletes the old zone last.
     */
    static final CloudWrites WRITES = CloudWrites.by(new HostedZoneAdapter())
            .replacedOn("domain_name")
            .withNewBesideOld();

    /** Known by its domain name. */
    static final PortableKey KEY = PortableKey.of(PortableKey.column("domain_name"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = new ResourceTable("hosted_zone", "id", "hosted_zone_id",
                ResourceTable.columns("domain_name", "text", "comment", "text"), Map.of(), false, true,
                ResourceTable.ALL_CHANGES, HostedZoneAdapter::readAll).writtenBy(WRITES)
                .withPortableKey(KEY);

    static List<CloudResource> readAll(AwsSession aws, String ignoredRegion) {
        return listZones(aws).stream().map(HostedZoneAdapter::resource).toList();
    }

    /**
     * A reference already taken and no zone of this row under it means its zone was deleted since
     * (a delete undone): the create goes ahead with the reference and a suffix, which
     * {@link #findCreated} still recognises.
     */
    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        String reference = callerReference(row);
        try {
            return resource(createZone(aws, row, reference));
        } catch (CloudRefusedException e) {
            if (!"HostedZoneAlreadyExists".equals(e.errorCode())) {
                throw e;
            }
            return findCreated(aws, row)
                    .orElseGet(() -> resource(createZone(aws, row, reference + "|" + System.currentTimeMillis())));
        }
    }

    /**
     * Zones of the row's name, from one ListHostedZonesByName page (a hundred zones of one name
     * would be needed to miss one), made with this row's reference.
     */
    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        String name = Route53Names.absolute(row.text("domain_name"));
        String reference = callerReference(row);
        return aws.call("route53", "ListHostedZonesByName", () -> aws.client(Route53Client.class)
                        .listHostedZonesByName(r -> r.dnsName(name)).hostedZones())
                .stream()
                .filter(zone -> Route53Names.same(zone.name(), name))
                .filter(zone -> reference.equals(zone.callerReference())
                        || (zone.callerReference() != null && zone.callerReference().startsWith(reference + "|")))
                .findFirst()
                .map(HostedZoneAdapter::resource);
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        if (!Objects.equals(row.text("comment"), current.values().get("comment"))) {
            aws.call("route53", "UpdateHostedZoneComment", () -> aws.client(Route53Client.class)
                    .updateHostedZoneComment(r -> r.id(current.cloudId()).comment(row.text("comment"))));
        }
        return resource(aws.call("route53", "GetHostedZone", () -> aws.client(Route53Client.class)
                .getHostedZone(r -> r.id(current.cloudId())).hostedZone()));
    }

    @Override
    public void delete(AwsSession aws, CloudResource current) {
        aws.delete("route53", "DeleteHostedZone", () -> aws.client(Route53Client.class)
                .deleteHostedZone(r -> r.id(current.cloudId())));
    }

    private static HostedZone createZone(AwsSession aws, DesiredResource row, String reference) {
        return aws.call("route53", "CreateHostedZone", () -> aws.client(Route53Client.class).createHostedZone(r -> r
                .name(row.text("domain_name"))
                .callerReference(reference)
                .hostedZoneConfig(c -> c.comment(row.text("comment"))))).hostedZone();
    }

    /**
     * The row's identity and the zone's name: a replace (a new name) is a new create, and needs a
     * reference of its own. Hashed when too long to leave room for a retry suffix.
     */
    static String callerReference(DesiredResource row) {
        String reference = row.identity() + "|" + Route53Names.absolute(row.text("domain_name"));
        if (reference.length() <= READABLE_REFERENCE) {
            return reference;
        }
        return Digests.sha256Hex(reference);
    }

    /**
     * Both tables need the zones. Each lists them itself: a session that also writes must not see a
     * listing from before its own creates.
     */
    static List<HostedZone> listZones(AwsSession aws) {
        return aws.call("route53", "ListHostedZones",
                () -> aws.client(Route53Client.class).listHostedZonesPaginator().hostedZones().stream().toList());
    }

    /** Route 53 answers zone ids as /hostedzone/ID; the id alone is what users see elsewhere. */
    static String zoneId(HostedZone zone) {
        return zone.id().startsWith("/hostedzone/") ? zone.id().substring("/hostedzone/".length()) : zone.id();
    }

    private static CloudResource resource(HostedZone zone) {
        Map<String, Object> values = new HashMap<>();
        values.put("domain_name", zone.name());
        values.put("comment", zone.config() == null ? null : zone.config().comment());
        return new CloudResource(zoneId(zone), null, values, Map.of());
    }
}
