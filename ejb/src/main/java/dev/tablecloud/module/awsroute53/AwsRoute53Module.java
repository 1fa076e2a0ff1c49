package dev.tablecloud.module.awsroute53;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awsaccount.AwsAccountModule;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * aws_route53. Zones come from ListHostedZones pages; record sets from ListResourceRecordSets
 * pages of each zone, the only way Route 53 lists them. A record set has no id of its own: it is
 * known by zone, name and type.
 */
public final class AwsRoute53Module {

    public static final String NAME = "aws_route53";

    private AwsRoute53Module() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsAccountModule.NAME), List.of(
                new ResourceTable("hosted_zone", "id", "hosted_zone_id",
                        ResourceTable.columns("domain_name", "text", "comment", "text"), Map.of(), false, true,
                        ResourceTable.ALL_CHANGES, AwsRoute53Module::zones),
                new ResourceTable("resource_record_set", "id",
                        "((select z.hosted_zone_id from hosted_zone z where z.id = resource_record_set"
                                + ".parent_hosted_zone_id) || '|' || name || '|' || record_type)",
                        ResourceTable.columns("name", "text", "record_type", "text", "record", "text", "ttl",
                                "integer"),
                        Map.of("parent_hosted_zone_id", "hosted_zone"), false, true, ResourceTable.ALL_CHANGES,
                        AwsRoute53Module::recordSets)));
    }

    static List<CloudResource> zones(AwsSession aws, String ignoredRegion) {
        return listZones(aws).stream().map(zone -> {
            Map<String, Object> values = new HashMap<>();
            values.put("domain_name", zone.name());
            values.put("comment", zone.config() == null ? null : zone.config().comment());
            return new CloudResource(zoneId(zone), null, values, Map.of());
        }).toList();
    }

    static List<CloudResource> recordSets(AwsSession aws, String ignoredRegion) {
        return listZones(aws).stream()
                .flatMap(zone -> aws.call("route53", "ListResourceRecordSets", () -> aws.route53()
                        .listResourceRecordSetsPaginator(r -> r.hostedZoneId(zone.id()))
                        .resourceRecordSets().stream()
                        .map(set -> recordSet(zoneId(zone), set))
                        .toList()).stream())
                .toList();
    }

    private static CloudResource recordSet(String zoneId, ResourceRecordSet set) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", set.name());
        values.put("record_type", set.typeAsString());
        values.put("record", set.resourceRecords().stream().map(ResourceRecord::value)
                .collect(Collectors.joining("\n")));
        values.put("ttl", set.ttl() == null ? null : set.ttl().intValue());
        return new CloudResource(zoneId + "|" + set.name() + "|" + set.typeAsString(), null, values,
                Map.of("parent_hosted_zone_id", ParentRef.required("hosted_zone", zoneId)));
    }

    /** Both tables need the zones; they are listed once per sync. */
    private static List<HostedZone> listZones(AwsSession aws) {
        return aws.once("ListHostedZones", () -> aws.call("route53", "ListHostedZones",
                () -> aws.route53().listHostedZonesPaginator().hostedZones().stream().toList()));
    }

    /** Route 53 answers zone ids as /hostedzone/ID; the id alone is what users see elsewhere. */
    private static String zoneId(HostedZone zone) {
        return zone.id().startsWith("/hostedzone/") ? zone.id().substring("/hostedzone/".length()) : zone.id();
    }
}
