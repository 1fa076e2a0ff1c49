package dev.tablecloud.module.awss3;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awsaccount.AwsAccountModule;
import software.amazon.awssdk.services.s3.model.Bucket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * aws_s3. One ListBuckets page lists the buckets of every region with their regions. Emulators
 * that leave the region out cost one GetBucketLocation per bucket. Policies and tags are not read
 * by a sync: S3 returns them one bucket per call; they stay as users set them.
 */
public final class AwsS3Module {

    public static final String NAME = "aws_s3";

    private AwsS3Module() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsAccountModule.NAME), List.of(
                new ResourceTable("bucket", "name", "name",
                        ResourceTable.columns("created_at", "timestamptz", "region", "text"), Map.of(), false, true,
                        ResourceTable.ALL_CHANGES, AwsS3Module::buckets)));
    }

    static List<CloudResource> buckets(AwsSession aws, String defaultRegion) {
        return aws.call("s3", "ListBuckets", () -> aws.s3().listBucketsPaginator().buckets().stream()
                .map(bucket -> bucket(aws, bucket))
                .toList());
    }

    private static CloudResource bucket(AwsSession aws, Bucket bucket) {
        String region = bucket.bucketRegion() != null ? bucket.bucketRegion() : location(aws, bucket.name());
        Map<String, Object> values = new HashMap<>();
        values.put("created_at", bucket.creationDate() == null ? null : bucket.creationDate().toString());
        values.put("region", region);
        return new CloudResource(bucket.name(), region, values, Map.of());
    }

    /** S3 reports us-east-1 as no location at all. */
    private static String location(AwsSession aws, String bucket) {
        String location = aws.s3().getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString();
        return location == null || location.isEmpty() ? "us-east-1" : location;
    }
}
