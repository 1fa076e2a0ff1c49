package dev.tablecloud.module.awsaccount;

import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.PortableKey;
import dev.tablecloud.module.ResourceTable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * aws_account. Regions are added by a sync but never removed, and users choose which are enabled
 * (synced) and which is the default; zones are read-only.
 */
public final class AwsAccountModule {

    public static final String NAME = "aws_account";

    private AwsAccountModule() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(), List.of(
                new ResourceTable("aws_regions", "region", "region", Map.of(), Map.of(), false, false,
                        Set.of("update"), AwsAccountModule::regions)
                        .withPortableKey(PortableKey.of(PortableKey.column("region")))
                        .withDatabaseColumns("is_default", "boolean", "is_enabled", "boolean"),
                new ResourceTable("availability_zone", "name", "name", Map.of(), Map.of(), true, true,
                        Set.of(), AwsAccountModule::zones)
                        .withPortableKey(PortableKey.of(PortableKey.column("name")))),
                List.of("iasql_default_region()", "default_aws_region(text)", "default_aws_region()",
                        "aws_regions_enable_default()", "aws_regions_move_default()", "aws_regions_keep_a_default()"));
    }

    static List<CloudResource> regions(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeRegions", () -> aws.client(Ec2Client.class, region).describeRegions()).regions().stream()
                .map(r -> new CloudResource(r.regionName(), r.regionName(), Map.of(), Map.of()))
                .toList();
    }

    static List<CloudResource> zones(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeAvailabilityZones", () -> aws.client(Ec2Client.class, region).describeAvailabilityZones())
                .availabilityZones().stream()
                .map(zone -> new CloudResource(zone.zoneName(), region, Map.of(), Map.of()))
                .toList();
    }
}
