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
                HostedZoneAdapter.DECLARATION,
                RecordSetAdapter.DECLARATION),
                List.of("route53_rename_records()", "route53_names()", "route53_name(text)"));
    }
}
