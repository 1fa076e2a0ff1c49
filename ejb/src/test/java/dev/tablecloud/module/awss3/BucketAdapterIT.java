package dev.tablecloud.module.awss3;

import software.amazon.awssdk.services.s3.S3Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketAdapterIT {

    private static final String REGION = "us-east-1";
    private static final String POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::%s/*\"}]}";
    @RegisterExtension
    static final MotoAccount moto = MotoAccount.plain();
    private static AwsSession aws;

    @BeforeAll
    static void startCloud() {
        aws = moto.session(REGION);
    }

    private static ResourceTable table() {
        return AwsS3Module.definition().tables().get(0);
    }

    private static DesiredResource row(String name, String region, String policy, String tags) {
        Map<String, Object> values = new HashMap<>();
        values.put("region", region);
        values.put("policy", policy);
        values.put("tags", tags);
        return AdapterContract.row("bucket", name, region, values, Map.of());
    }

    private static Map<String, Object> policyAndTags(String policy, String tags) {
        Map<String, Object> values = new HashMap<>();
        values.put("policy", policy);
        values.put("tags", tags);
        return values;
    }

    @Test
    void bucketIsCreatedWithPolicyAndTagsChangedInPlaceReplacedOnItsRegionAndDeleted() {
        AdapterContract contract = new AdapterContract(aws, table());
        DesiredResource row = row("tablecloud-site", REGION, String.format(POLICY, "tablecloud-site"),
                "{\"team\": \"web\"}");

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.cloudId()).isEqualTo("tablecloud-site");
        assertThat(created.region()).isEqualTo(REGION);
        assertThat(created.values().get("created_at")).isNotNull();
        assertThat(created.values()).containsEntry("tags", "{\"team\": \"web\"}");

        DesiredResource changed = AdapterContract.changed(row, created, policyAndTags(
                String.format(POLICY.replace("s3:GetObject", "s3:ListBucket").replace("/*", ""), "tablecloud-site"),
                "{\"team\": \"data\", \"Name\": \"site\"}"));
        CloudResource updated = contract.updatesInPlace(changed, created, "policy", "tags");
        assertThat(updated.values()).containsEntry("tags", "{\"Name\": \"site\", \"team\": \"data\"}");
        assertThat(updated.values().get("policy").toString()).contains("s3:ListBucket");

        DesiredResource bare = AdapterContract.changed(row, created, policyAndTags(null, null));
        CloudResource stripped = contract.updatesInPlace(bare, updated, "policy", "tags");
        assertThat(stripped.values()).containsEntry("policy", null).containsEntry("tags", null);

        contract.needsReplaceFor(AdapterContract.changed(row, created, Map.of("region", "eu-west-1")), stripped);
        contract.deletesForGood(stripped);
    }

    @Test
    void bucketInAnotherRegionIsCreatedThereAndARepeatedCreateMakesNoSecond() {
        AdapterContract contract = new AdapterContract(aws, table());
        DesiredResource row = row("tablecloud-eu-logs", "eu-west-1", null, "{\"env\": \"prod\"}");

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.region()).isEqualTo("eu-west-1");
        assertThat(created.values()).containsEntry("region", "eu-west-1");

        CloudResource again = table().writes().writer().create(aws, row);
        assertThat(again.cloudId()).isEqualTo(created.cloudId());
        assertThat(table().reader().readAll(aws, REGION)).extracting(CloudResource::cloudId)
                .containsOnlyOnce("tablecloud-eu-logs");

        DesiredResource home = row("tablecloud-home", REGION, null, null);
        CloudResource first = table().writes().writer().create(aws, home);
        assertThat(table().writes().writer().create(aws, home).cloudId()).isEqualTo(first.cloudId());

        contract.deletesForGood(created);
        contract.deletesForGood(first);
    }

    @Test
    void aBucketThatHoldsObjectsIsNotDeletedAndTheCloudSaysWhy() {
        CloudResource bucket = table().writes().writer().create(aws, row("tablecloud-full", REGION, null, null));
        aws.client(S3Client.class).putObject(r -> r.bucket("tablecloud-full").key("index.html"), RequestBody.fromString("hello"));

        assertThatThrownBy(() -> table().writes().writer().delete(aws, bucket))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("DeleteBucket was refused by " + moto.endpoint())
                .hasMessageContaining("not empty");
        assertThat(table().writes().writer().findCreated(aws, row("tablecloud-full", REGION, null, null)))
                .isPresent();

        aws.client(S3Client.class).deleteObject(r -> r.bucket("tablecloud-full").key("index.html"));
        new AdapterContract(aws, table()).deletesForGood(bucket);
    }

    @Test
    void anInvalidNameIsRefusedAsTheRowsWithoutACall() {
        long callsBefore = aws.calls();

        assertThatThrownBy(() -> table().writes().writer().create(aws, row("ab", REGION, null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bucket row ab")
                .hasMessageContaining("between 3 and 63 characters");
        assertThat(aws.calls()).isEqualTo(callsBefore);
    }
}
