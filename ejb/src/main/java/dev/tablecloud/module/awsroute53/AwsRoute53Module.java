package dev.tablecloud.module.awsroute53;

import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awsaccount.AwsAccountModule;

import java.util.List;
import java.util.Map;

/**
 * aws_route53. Zones come from ListHostedZones pages; record sets from ListResourceRecordSets
 * pages of each zone. A record set has no id of its own: it is known by zone, name and type. The
 * DDL keeps names as Route 53 answers them (absolute, escaped), with the functions it creates.
 */
public final class AwsRoute53Module {

    public static final String NAME = "aws_route53";

    private AwsRoute53Module() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsAccountModule.NAME), List.of(
                new ResourceTable("hosted_zone", "id", "hosted_zone_id",
                        ResourceTable.columns("domain_name", "text", "comment", "text"), Map.of(), false, true,
                        ResourceTable.ALL_CHANGES, HostedZoneAdapter::readAll).writtenBy(HostedZoneAdapter.WRITES)
                        .withPortableKey(HostedZoneAdapter.KEY),
                new ResourceTable("resource_record_set", "id",
                        "((select z.hosted_zone_id from hosted_zone z where z.id = resource_record_set"
                                + ".parent_hosted_zone_id) || '|' || name || '|' || record_type)",
                        ResourceTable.columns("name", "text", "record_type", "text", "record", "text", "ttl",
                                "integer"),
                        Map.of("parent_hosted_zone_id", "hosted_zone"), false, true, ResourceTable.ALL_CHANGES,
                        RecordSetAdapter::readAll).writtenBy(RecordSetAdapter.WRITES)
                        .withPortableKey(RecordSetAdapter.KEY)),
                List.of("route53_rename_records()", "route53_names()", "route53_name(text)"));
    }
}
