package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.tablecloud.it.SqlAnswers.column;
import static dev.tablecloud.it.SqlAnswers.ok;
import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one control database, as DESIGN §7 runs them: a promotion run on node A is killed
 * (SIGKILL) half-way, after its statements reached prod and while its preview reads the (slow)
 * cloud. Node B refuses to run it while A's claim holds; once A is back its claim is gone, and the
 * next run — on B — rolls back what the dead run left and proposes the changes again, whole and
 * once. The commit then runs on whichever node's job takes it, and prod's cloud holds each VPC once.
 * Not an Arquillian test: it needs servers of its own to kill.
 */
class PromotionClusterIT {

    private static final int NODE_A_OFFSET = 230;
    private static final int NODE_B_OFFSET = 260;
    private static final int VPCS = 3;

    @Test
    void aRunKilledHalfWayOnOneNodeIsEndedAndRedoneOnceByTheOther() throws Exception {
        // Under the build directory rather than a temporary one: the nodes' logs outlive a failure.
        Path temp = Files.createDirectories(Path.of(System.getProperty("tablecloud.build.directory", "target"),
                "promotion-cluster-" + UUID.randomUUID().toString().substring(0, 6)));
        MotoServer stagingCloud = MotoServer.start(Map.of());
        MotoServer prodCloud = MotoServer.start(Map.of("MOTO_ACCOUNT_ID", "210987654321"));
        int proxyPort = FreePort.find();
        // Slow enough that the run's preview of prod takes seconds: the moment to kill it.
        Process slowProd = LatencyProxy.start(proxyPort, prodCloud.endpoint().toString(), temp, 1500);
        String controlDatabase = OwnServer.freshControlDatabase("cluster");
        Map<String, String> nodeA = Map.of("TABLECLOUD_DB_URL", controlDatabase, "TABLECLOUD_NODE_ID", "node-a");
        Map<String, String> nodeB = Map.of("TABLECLOUD_DB_URL", controlDatabase, "TABLECLOUD_NODE_ID", "node-b");
        Files.createDirectories(temp.resolve("a"));
        Files.createDirectories(temp.resolve("b"));
        OwnServer a = OwnServer.in(temp.resolve("a"), NODE_A_OFFSET);
        OwnServer b = OwnServer.in(temp.resolve("b"), NODE_B_OFFSET);
        try {
            // One after the other, as a cluster is rolled out: the first migrates the control database.
            a.start(nodeA, "a.log").awaitHealthy();
            b.start(nodeB, "b.log").awaitHealthy();
            Api onA = new Api(a.url("/").toURL());
            Api onB = new Api(b.url("/").toURL());
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            String staging = onA.environment("cst-" + suffix, stagingCloud.endpoint().toString(), "us-east-1", "aws_vpc");
            String prod = onB.environment("cpr-" + suffix, "http://127.0.0.1:" + proxyPort, "eu-west-1", "aws_vpc");
            assertThat(onA.put("environments/" + prod + "/mappings", """
                    [{"kind": "region", "from": "us-east-1", "to": "eu-west-1"},
                     {"kind": "name", "from": "-staging", "to": "-prod"}]""").status()).isEqualTo(200);
            onA.begin(staging);
            for (int vpc = 0; vpc < VPCS; vpc++) {
                ok(onA.sql(staging, "insert into vpc (cidr_block, tags) values ('10.6%d.0.0/16', '{\"Name\": \"c%d-staging\"}')"
                        .formatted(vpc, vpc)));
            }
            assertThat(column(rows(onA.sql(staging, "select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
            var created = onA.post("promotions", "{\"source\": %s, \"target\": %s, \"commit\": \"next-window\"}"
                    .formatted(Api.quote(staging), Api.quote(prod)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.object().getJsonNumber("id").longValue();

            CompletableFuture.runAsync(() -> {
                try {
                    onA.post("promotions/" + id + "/run");
                } catch (RuntimeException serverDied) {
                    // Expected: node A is killed while it runs the promotion.
                }
            });
            await("node A's run reached prod").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> promotedRows(onB, prod) == VPCS);
            assertThat(onB.get("promotions/" + id).object().getString("runningOn")).isEqualTo("node-a");
            a.kill();

            var whileClaimed = onB.post("promotions/" + id + "/run");
            assertThat(whileClaimed.status()).as(whileClaimed.toString()).isEqualTo(409);
            assertThat(whileClaimed.object().getString("detail")).contains("is running on node-a since");

            a.start(nodeA, "a-again.log");
            a.awaitHealthy();
            var redone = onB.post("promotions/" + id + "/run");
            assertThat(redone.status()).as(redone.toString()).isEqualTo(200);
            assertThat(redone.object().getString("outcome")).as(redone.toString()).isEqualTo("PROMOTED");
            assertThat(redone.object().getString("node")).isEqualTo("node-b");
            List<JsonObject> runs = onB.get("promotions/" + id + "/runs").json().asJsonArray().stream()
                    .map(value -> value.asJsonObject()).toList();
            assertThat(runs).hasSize(2);
            assertThat(runs.get(1).getString("outcome")).isEqualTo("FAILED");
            assertThat(runs.get(1).getString("message")).startsWith("Its server (node-a) stopped during the run; its"
                    + " transaction " + runs.get(1).getJsonNumber("targetTransactionId").longValue() + " in " + prod
                    + " was rolled back.");
            assertThat(promotedRows(onB, prod)).as("the changes are in prod's new transaction once").isEqualTo(VPCS);

            await("committed in prod by one node's job").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> onA.get("environments/" + prod + "/transactions/current").status() == 404);
            try (Ec2Client ec2 = Moto.ec2(prodCloud.endpoint().toString(), "eu-west-1")) {
                assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values("c*-prod").build()))
                        .vpcs()).as("each VPC exactly once in prod's account").hasSize(VPCS);
            }
            await("the position moved").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> onA.get("promotions/" + id).object().getJsonNumber("promotedPosition").longValue() > 0);
            assertThat(onA.get("jobs/runs?environment=" + prod + "&kind=scheduled-commit").body())
                    .containsAnyOf("\"node\":\"node-a\"", "\"node\":\"node-b\"");
        } finally {
            a.kill();
            b.kill();
            slowProd.destroy();
            stagingCloud.close();
            prodCloud.close();
        }
    }

    private static int promotedRows(Api api, String prod) {
        return Integer.parseInt(column(rows(api.sql(prod, "select count(*)::text from vpc where tags->>'Name' like 'c%-prod'"),
                0), 0).get(0));
    }
}
