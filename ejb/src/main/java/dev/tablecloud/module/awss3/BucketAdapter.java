package dev.tablecloud.module.awss3;

import dev.tablecloud.module.CloudReader;
import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.s3.S3Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.ColumnValues;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.DetailedReads;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bucket table's adapter. A bucket's name is unique across all of S3 and is the row's key, so
 * the name is the identity that makes a create repeatable: S3 answers a second CreateBucket of a
 * bucket of one's own as done (or as BucketAlreadyOwnedByYou, which counts as done), and an
 * interrupted create is found again by listing one's own buckets by that name.
 *
 * <p>Reading buckets costs calls per bucket, not per page: ListBuckets gives names, regions and
 * creation dates, but S3 has no call that lists the policies or tags of several buckets;
 * GetBucketPolicy and GetBucketTagging answer for one bucket each. Without them a sync could not
 * see a policy or tags changed outside Tablecloud, nor a commit tell whether they need changing.
 * Emulators that leave the region out of ListBuckets cost one GetBucketLocation per bucket more.
 * A read makes these calls only for the buckets it is told to (a plan: those its transaction
 * touched).
 *
 * <p>A bucket's own calls go to its region: AWS answers them nowhere else.
 */
final class BucketAdapter implements CloudUpdater {

    private static final String US_EAST_1 = "us-east-1";

    /**
     * S3 cannot move a bucket, so a new region is a new bucket; a new name is a new row, since the
     * name is the key. Policy and tags change in place. The creation date is the cloud's.
     */
    static final CloudWrites WRITES = CloudWrites.by(new BucketAdapter())
            .generated("created_at")
            .replacedOn("region");

    /** Known by its name. */
    static final PortableKey KEY = PortableKey.of(PortableKey.column("name"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = new ResourceTable("bucket", "name", "name",
                ResourceTable.columns("policy", "jsonb", "tags", "jsonb", "created_at", "timestamptz",
                        "region", "text"), Map.of(), false, true,
                ResourceTable.ALL_CHANGES, CloudReader.withPerResourceAttributes(BucketAdapter::read))
                .writtenBy(WRITES)
                .withPortableKey(KEY)
                // The policy as a script writes it, turned into policy by bucket_policy_document().
                .withDatabaseColumns("policy_document", "jsonb");

    /** The policy, tags and region of the buckets {@code detailed} includes; the others come as listed. */
    static List<CloudResource> read(AwsSession aws, String defaultRegion, DetailedReads detailed) {
        return aws.perResource(aws.call("s3", "ListBuckets", () -> aws.client(S3Client.class).listBucketsPaginator().buckets().stream()
                .toList()), bucket -> detailed.includes(bucket.name()), bucket -> resource(aws, bucket),
                BucketAdapter::listed);
    }

    /** The SDK checks a new bucket's name before sending it: a name it refuses is refused as the row's. */
    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        String name = row.rowId();
        String region = row.text("region") != null ? row.text("region") : row.region();
        try {
            aws.call("s3", "CreateBucket", () -> aws.client(S3Client.class, region).createBucket(r -> {
                r.bucket(name);
                if (!region.equals(US_EAST_1)) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            }));
        } catch (CloudRefusedException e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.errorCode())) {
                throw e;
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldError("name",
                    "The name of " + row.describe() + " is not a valid bucket name: " + e.getMessage())));
        }
        if (hasPolicy(row)) {
            putPolicy(aws, region, name, row);
        }
        List<Tag> tags = tags(row);
        if (!tags.isEmpty()) {
            putTags(aws, region, name, tags);
        }
        return read(aws, name).orElseGet(() -> asCreated(row, name, region));
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return read(aws, row.rowId());
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        String name = current.cloudId();
        String region = current.region();
        if (!ColumnValues.same("jsonb", row.text("policy"), current.values().get("policy"))) {
            if (hasPolicy(row)) {
                putPolicy(aws, region, name, row);
            } else {
                aws.call("s3", "DeleteBucketPolicy", () -> aws.client(S3Client.class, region).deleteBucketPolicy(r -> r.bucket(name)));
            }
        }
        if (!ColumnValues.same("jsonb", row.text("tags"), current.values().get("tags"))) {
            List<Tag> tags = tags(row);
            if (tags.isEmpty()) {
                aws.call("s3", "DeleteBucketTagging", () -> aws.client(S3Client.class, region).deleteBucketTagging(r -> r.bucket(name)));
            } else {
                putTags(aws, region, name, tags);
            }
        }
        return read(aws, name).orElse(current);
    }

    /** A bucket that still holds objects is refused by S3 (BucketNotEmpty): objects are never deleted here. */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        aws.delete("s3", "DeleteBucket", () -> aws.client(S3Client.class, current.region())
                .deleteBucket(r -> r.bucket(current.cloudId())));
    }

    /** An empty object counts as no policy, as S3 has no empty policy. */
    private static boolean hasPolicy(DesiredResource row) {
        return !ColumnValues.same("jsonb", row.text("policy"), null);
    }

    private static void putPolicy(AwsSession aws, String region, String name, DesiredResource row) {
        aws.call("s3", "PutBucketPolicy", () -> aws.client(S3Client.class, region)
                .putBucketPolicy(r -> r.bucket(name).policy(row.text("policy"))));
    }

    /** PutBucketTagging replaces the whole set. */
    private static void putTags(AwsSession aws, String region, String name, List<Tag> tags) {
        aws.call("s3", "PutBucketTagging", () -> aws.client(S3Client.class, region)
                .putBucketTagging(r -> r.bucket(name).tagging(t -> t.tagSet(tags))));
    }

    /** The row's tags, spelt and checked as every tags column is. */
    private static List<Tag> tags(DesiredResource row) {
        return Ec2Tags.fromJson(row.text("tags"), row.describe()).stream()
                .map(tag -> Tag.builder().key(tag.key()).value(tag.value()).build())
                .toList();
    }

    /** One bucket of one's own, by name: ListBuckets lists only the account's buckets. */
    private static Optional<CloudResource> read(AwsSession aws, String name) {
        return aws.call("s3", "ListBuckets", () -> aws.client(S3Client.class).listBucketsPaginator(r -> r.prefix(name)).buckets()
                        .stream().toList())
                .stream().filter(bucket -> bucket.name().equals(name)).findFirst()
                .map(bucket -> resource(aws, bucket));
    }

    /** What a create made, should the listing not show the new bucket yet: a sync fills in its date. */
    private static CloudResource asCreated(DesiredResource row, String name, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("policy", row.text("policy"));
        values.put("tags", row.text("tags"));
        values.put("created_at", null);
        values.put("region", region);
        return new CloudResource(name, region, values, Map.of());
    }

    private static CloudResource resource(AwsSession aws, Bucket bucket) {
        String name = bucket.name();
        String region = bucket.bucketRegion() != null ? bucket.bucketRegion() : location(aws, name);
        return new CloudResource(name, region, listed(bucket).values(), Map.of()).with("region", region)
                .with("policy", policy(aws, region, name)).with("tags", tags(aws, region, name));
    }

    /**
     * What ListBuckets tells: name, creation date and region. AWS lists the region
     * (BucketRegion); moto leaves it out, and then the region stays unknown (null) here.
     */
    private static CloudResource listed(Bucket bucket) {
        Map<String, Object> values = new HashMap<>();
        values.put("created_at", bucket.creationDate() == null ? null : bucket.creationDate().toString());
        if (bucket.bucketRegion() != null) {
            values.put("region", bucket.bucketRegion());
        }
        return new CloudResource(bucket.name(), bucket.bucketRegion(), values, Map.of());
    }

    /** S3 reports us-east-1 as no location at all. */
    private static String location(AwsSession aws, String name) {
        String location = aws.call("s3", "GetBucketLocation", () -> aws.client(S3Client.class)
                .getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
        return location == null || location.isEmpty() ? US_EAST_1 : location;
    }

    /**
     * S3 answers a bucket without a policy with an error (NoSuchBucketPolicy); so it does a bucket
     * deleted since it was listed (NoSuchBucket). Both read as no policy.
     */
    private static String policy(AwsSession aws, String region, String name) {
        try {
            return aws.call("s3", "GetBucketPolicy", () -> aws.client(S3Client.class, region)
                    .getBucketPolicy(r -> r.bucket(name)).policy());
        } catch (CloudRefusedException e) {
            if (e.resourceIsGone()) {
                return null;
            }
            throw e;
        }
    }

    /** As for the policy: no tags is an error (NoSuchTagSet), and reads as none. */
    private static String tags(AwsSession aws, String region, String name) {
        List<Tag> tagSet;
        try {
            tagSet = aws.call("s3", "GetBucketTagging", () -> aws.client(S3Client.class, region)
                    .getBucketTagging(r -> r.bucket(name)).tagSet());
        } catch (CloudRefusedException e) {
            if (e.resourceIsGone()) {
                return null;
            }
            throw e;
        }
        return Ec2Tags.toJson(tagSet.stream()
                .map(tag -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(tag.key()).value(tag.value())
                        .build())
                .toList());
    }
}
