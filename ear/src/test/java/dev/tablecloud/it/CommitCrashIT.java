package dev.tablecloud.it;

import static org.awaitility.Awaitility.await;
import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server killed (SIGKILL) in the middle of a commit of 50 VPCs, then started again: the commit
 * is recovered (finished), moto holds each VPC exactly once, and the audit log is whole. Not an
 * Arquillian test: it needs a server of its own to kill, on a control database of its own, and a
 * cloud slow enough (a latency proxy before moto) to be caught half-way.
 */
class CommitCrashIT {

    private static final int PORT_OFFSET = 210;
    private static final int VPCS = 50;
    private static final String PREFIX = "crash-";

    @Test
    void aServerKilledMidCommitLeavesNoOrphanAndMakesNothingTwice(@TempDir Path temp) throws Exception {
        int motoPort = FreePort.find();
        int proxyPort = FreePort.find();
        MotoServer moto = MotoServer.start(motoPort, Map.of());
        Process proxy = LatencyProxy.start(proxyPort, "http://127.0.0.1:" + motoPort, temp, 150);
        Map<String, String> settings = Map.of("TABLECLOUD_DB_URL", OwnServer.freshControlDatabase("crash"),
                "TABLECLOUD_COMMIT_PARALLELISM", "2", "TABLECLOUD_NODE_ID", "crash-node");
        OwnServer server = OwnServer.in(temp, PORT_OFFSET).start(settings, "first.log");
        try (Ec2Client ec2 = Moto.ec2("http://127.0.0.1:" + motoPort, "us-east-1")) {
            Api api = new Api(server.url("/").toURL());
            server.awaitHealthy();
            String environment = "crash-" + UUID.randomUUID().toString().substring(0, 8);
            var created = api.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(
                    Api.quote(environment), Api.quote("http://127.0.0.1:" + proxyPort)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(api.post("environments/" + environment + "/modules/aws_vpc", "").status()).isEqualTo(200);
            long id = api.post("environments/" + environment + "/transactions", "").object()
                    .getJsonNumber("id").longValue();
            String inserts = IntStream.range(0, VPCS).mapToObj(i -> "('10.%d.0.0/16', '{\"Name\": \"%s%02d\"}')"
                    .formatted(100 + i, PREFIX, i)).collect(Collectors.joining(", "));
            assertThat(api.sql(environment, "insert into vpc (cidr_block, tags) values " + inserts).getBoolean("ok"))
                    .isTrue();

            CompletableFuture.runAsync(() -> {
                try {
                    api.post("environments/" + environment + "/transactions/current/commit", "");
                } catch (RuntimeException serverDied) {
                    // Expected: the server is killed while it answers.
                }
            });
            awaitVpcs(ec2, 5);
            var meanwhile = api.sql(environment, "update vpc set tags = '{\"Name\": \"late\"}' where cidr_block = '10.100.0.0/16'");
            assertThat(meanwhile.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                    .as("no change while the commit runs").startsWith("Commit in progress");
            server.kill();
            int madeBeforeTheCrash = vpcs(ec2).size();
            assertThat(madeBeforeTheCrash).as("the crash came half-way").isBetween(5, VPCS - 1);

            server.start(settings, "second.log");
            server.awaitHealthy();
            String state = awaitEnded(api, environment, id);

            assertThat(state).isEqualTo("COMMITTED");
            List<String> names = vpcs(ec2).stream().flatMap(vpc -> vpc.tags().stream())
                    .filter(tag -> tag.key().equals("Name")).map(tag -> tag.value()).toList();
            assertThat(names).as("every VPC exactly once").hasSize(VPCS).doesNotHaveDuplicates();
            var rows = api.sql(environment, """
                    select count(*), count(distinct vpc_id) from vpc where tags->>'Name' like 'crash-%%';
                    select change_type from iasql_audit_log where transaction_id = %d
                        and change_type in ('BEGIN', 'COMMIT_START', 'COMMIT_END') order by id;
                    select count(*) from iasql_audit_log where transaction_id = %d and origin = 'user'
                        and change_type = 'INSERT' and table_name = 'vpc'""".formatted(id, id));
            JsonArray counts = rows.getJsonArray("statements").getJsonObject(0).getJsonArray("rows").getJsonArray(0);
            assertThat(counts.getInt(0)).isEqualTo(VPCS);
            assertThat(counts.getInt(1)).as("each row has its own VPC").isEqualTo(VPCS);
            assertThat(rows.getJsonArray("statements").getJsonObject(1).getJsonArray("rows").stream()
                    .map(row -> row.asJsonArray().getString(0)).toList())
                    .containsExactly("BEGIN", "COMMIT_START", "COMMIT_END");
            assertThat(rows.getJsonArray("statements").getJsonObject(2).getJsonArray("rows").getJsonArray(0).getInt(0))
                    .isEqualTo(VPCS);
            assertThat(Files.readString(server.serverLog()))
                    .contains("Recovered a commit whose server stopped: " + environment + ": commit of transaction "
                            + id + " finished");
        } finally {
            server.kill();
            proxy.destroy();
            moto.close();
        }
    }

    private static List<Vpc> vpcs(Ec2Client ec2) {
        return ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values(PREFIX + "*").build())).vpcs();
    }

    private static void awaitVpcs(Ec2Client ec2, int atLeast) throws InterruptedException {
        await(atLeast + " VPCs made within 2 minutes").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> vpcs(ec2).size() >= atLeast);
    }

    private static String awaitEnded(Api api, String environment, long id) throws InterruptedException {
        return await("recovered within 4 minutes").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    var reply = api.get("environments/" + environment + "/transactions/" + id);
                    return reply.status() == 200 ? reply.object().getString("state") : "COMMITTING";
                }, state -> !state.equals("COMMITTING"));
    }
}
