package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteAdaptersIT {

    private static final String REGION = "us-east-1";
    private static MotoAccount moto;
    private static AwsSession aws;

    @BeforeAll
    static void startCloud() throws Exception {
        moto = MotoAccount.start();
        aws = moto.session(REGION);
    }

    @AfterAll
    static void stopCloud() {
        aws.close();
        moto.close();
    }

    private static ResourceTable table(String name) {
        return AwsVpcModule.definition().tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static CloudResource vpc(String rowId, String cidrBlock) {
        return table("vpc").writes().writer().create(aws, AdapterContract.row("vpc", rowId, REGION,
                Map.of("cidr_block", cidrBlock), Map.of()));
    }

    private static CloudResource routeTable(String rowId, CloudResource vpc) {
        return table("route_table").writes().writer().create(aws, AdapterContract.row("route_table", rowId, REGION,
                Map.of(), Map.of("vpc_id", vpc.cloudId())));
    }

    private static CloudResource subnet(String rowId, CloudResource vpc, String cidrBlock) {
        return table("subnet").writes().writer().create(aws, AdapterContract.row("subnet", rowId, REGION,
                Map.of("cidr_block", cidrBlock, "availability_zone", "us-east-1a"), Map.of("vpc_id", vpc.cloudId())));
    }

    /** The row pointing at other parents. */
    private static DesiredResource withParents(DesiredResource row, Map<String, String> parents) {
        return new DesiredResource(row.table(), row.rowId(), row.cloudId(), row.region(), row.values(), parents,
                row.identity());
    }

    @Test
    void aWriteInTheSessionMakesTheRouteTablesReadAgain() {
        int before = table("route_table").reader().readAll(aws, REGION).size();

        CloudResource vpc = vpc("1", "10.1.0.0/16");

        assertThat(table("route_table").reader().readAll(aws, REGION)).as("the new VPC's main route table")
                .hasSize(before + 1)
                .anySatisfy(t -> assertThat(t.parents().get("vpc_id").cloudId()).isEqualTo(vpc.cloudId()));
        assertThat(table("route").reader().readAll(aws, REGION)).extracting(CloudResource::cloudId)
                .anySatisfy(id -> assertThat(id).endsWith("|10.1.0.0/16"));
    }

    @Test
    void routeTableIsCreatedWithItsLocalRouteRetaggedInPlaceReplacedOnItsVpcAndDeleted() {
        CloudResource vpc = vpc("2", "10.2.0.0/16");
        CloudResource other = vpc("3", "10.3.0.0/16");
        AdapterContract contract = new AdapterContract(aws, table("route_table"));
        DesiredResource row = AdapterContract.row("route_table", "1", REGION, Map.of("tags", "{\"Name\": \"public\"}"),
                Map.of("vpc_id", vpc.cloudId()));

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.parents().get("vpc_id").cloudId()).isEqualTo(vpc.cloudId());
        assertThat(table("route").reader().readAll(aws, REGION)).extracting(CloudResource::cloudId)
                .contains(created.cloudId() + "|10.2.0.0/16");

        CloudResource updated = contract.updatesInPlace(AdapterContract.changed(row, created,
                Map.of("tags", "{\"Name\": \"public\", \"tier\": \"web\"}")), created, "tags");
        assertThat(updated.values()).containsEntry("tags", "{\"Name\": \"public\", \"tier\": \"web\"}");

        contract.needsReplaceFor(withParents(AdapterContract.changed(row, created, Map.of()),
                Map.of("vpc_id", other.cloudId())), updated);
        contract.deletesForGood(updated);
        assertThat(table("route").reader().readAll(aws, REGION)).extracting(CloudResource::cloudId)
                .doesNotContain(created.cloudId() + "|10.2.0.0/16");
    }

    @Test
    void aRouteTableStillAssociatedIsRefusedWithTheCloudsMessage() {
        CloudResource vpc = vpc("6", "10.6.0.0/16");
        CloudResource subnet = subnet("6", vpc, "10.6.1.0/24");
        CloudResource routeTable = routeTable("6", vpc);
        aws.ec2(REGION).associateRouteTable(r -> r.routeTableId(routeTable.cloudId()).subnetId(subnet.cloudId()));

        assertThatThrownBy(() -> table("route_table").writes().writer().delete(aws, routeTable))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("DeleteRouteTable was refused by " + moto.endpoint())
                .hasMessageContaining(routeTable.cloudId() + "' has dependencies");
    }
}
