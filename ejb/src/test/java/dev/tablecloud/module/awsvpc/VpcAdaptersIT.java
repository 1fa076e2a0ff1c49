package dev.tablecloud.module.awsvpc;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VpcAdaptersIT {

    private static final String REGION = "us-east-1";
    @RegisterExtension
    static final MotoAccount moto = MotoAccount.plain();
    private static AwsSession aws;

    @BeforeAll
    static void startCloud() {
        aws = moto.session(REGION);
    }

    private static ResourceTable table(String name) {
        return AwsVpcModule.definition().table(name);
    }

    private static CloudResource vpc(String rowId, String cidrBlock) {
        return table("vpc").writes().writer().create(aws, AdapterContract.row("vpc", rowId, REGION,
                Map.of("cidr_block", cidrBlock), Map.of()));
    }

    /** The row pointing at other parents. */
    private static DesiredResource withParents(DesiredResource row, Map<String, String> parents) {
        return new DesiredResource(row.table(), row.rowId(), row.cloudId(), row.region(), row.values(), parents,
                row.identity());
    }

    @Test
    void vpcIsCreatedUpdatedInPlaceReplacedOnItsBlockAndDeleted() {
        AdapterContract contract = new AdapterContract(aws, table("vpc"));
        DesiredResource row = AdapterContract.row("vpc", "1", REGION, Map.of("cidr_block", "10.10.0.0/16",
                "tags", "{\"Name\": \"app\"}", "enable_dns_support", true, "enable_dns_hostnames", true), Map.of());

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.values()).containsEntry("state", "available").containsEntry("is_default", false)
                .containsEntry("enable_dns_hostnames", true);

        DesiredResource retagged = AdapterContract.changed(row, created, Map.of(
                "tags", "{\"team\": \"web\", \"Name\": \"app-2\"}", "enable_dns_hostnames", false));
        CloudResource updated = contract.updatesInPlace(retagged, created, "tags", "enable_dns_hostnames");
        assertThat(updated.values()).containsEntry("tags", "{\"Name\": \"app-2\", \"team\": \"web\"}");

        contract.needsReplaceFor(AdapterContract.changed(row, created, Map.of("cidr_block", "10.11.0.0/16")), updated);
        contract.deletesForGood(updated);
    }

    @Test
    void subnetIsCreatedInItsVpcReplacedOnAnyChangeAndDeleted() {
        CloudResource vpc = table("vpc").writes().writer().create(aws, AdapterContract.row("vpc", "2", REGION,
                Map.of("cidr_block", "10.20.0.0/16"), Map.of()));
        AdapterContract contract = new AdapterContract(aws, table("subnet"));
        DesiredResource row = AdapterContract.row("subnet", "1", REGION,
                Map.of("cidr_block", "10.20.1.0/24", "availability_zone", "us-east-1b"),
                Map.of("vpc_id", vpc.cloudId()));

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.values()).containsEntry("availability_zone", "us-east-1b");
        assertThat(created.values().get("subnet_arn").toString()).contains(created.cloudId());

        contract.needsReplaceFor(AdapterContract.changed(row, created, Map.of("availability_zone", "us-east-1c")),
                created);
        contract.deletesForGood(created);
    }

    @Test
    void internetGatewayIsAttachedMovedAndDetachedInPlaceAndDeletedWhileAttached() {
        CloudResource first = vpc("4", "10.40.0.0/16");
        CloudResource second = vpc("5", "10.50.0.0/16");
        AdapterContract contract = new AdapterContract(aws, table("internet_gateway"));
        DesiredResource row = AdapterContract.row("internet_gateway", "1", REGION,
                Map.of("tags", "{\"Name\": \"edge\"}"), Map.of("vpc_id", first.cloudId()));

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.parents().get("vpc_id").cloudId()).isEqualTo(first.cloudId());

        DesiredResource moved = withParents(AdapterContract.changed(row, created,
                Map.of("tags", "{\"Name\": \"edge-2\"}")), Map.of("vpc_id", second.cloudId()));
        CloudResource updated = contract.updatesInPlace(moved, created, "tags", "vpc_id");
        assertThat(updated.cloudId()).isEqualTo(created.cloudId());
        assertThat(updated.parents().get("vpc_id").cloudId()).isEqualTo(second.cloudId());

        CloudResource detached = contract.updatesInPlace(withParents(moved, Map.of()), updated, "vpc_id");
        assertThat(detached.parents()).doesNotContainKey("vpc_id");

        CloudResource attached = contract.updatesInPlace(moved, detached, "vpc_id");
        contract.deletesForGood(attached);
    }

    @Test
    void aGatewayTheCloudRefusesToAttachIsFoundAgainRatherThanMadeTwice() {
        DesiredResource row = AdapterContract.row("internet_gateway", "2", REGION, Map.of(),
                Map.of("vpc_id", "vpc-0000000000000dead"));

        assertThatThrownBy(() -> table("internet_gateway").writes().writer().create(aws, row))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("AttachInternetGateway was refused by " + moto.endpoint())
                .hasMessageContaining("vpc-0000000000000dead");
        assertThat(table("internet_gateway").writes().writer().findCreated(aws, row)).as("the gateway made first")
                .hasValueSatisfying(gateway -> assertThat(gateway.parents()).isEmpty());
    }

    @Test
    void aBlockTheCloudRefusesIsReportedWithTheCloudsMessage() {
        DesiredResource row = AdapterContract.row("vpc", "3", REGION, Map.of("cidr_block", "10.0.0.0/8"), Map.of());

        assertThatThrownBy(() -> table("vpc").writes().writer().create(aws, row))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("CreateVpc was refused by " + moto.endpoint())
                .hasMessageContaining("10.0.0.0/8");
    }
}
