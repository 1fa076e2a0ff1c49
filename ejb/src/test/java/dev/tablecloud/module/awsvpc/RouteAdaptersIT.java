package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
