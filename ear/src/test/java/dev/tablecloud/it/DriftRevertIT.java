package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Revert drift" (issue 13) on the real server with an account of the test's own: a VPC retagged,
 * a subnet deleted and a VPC made in moto by hand show as drift and reach a webhook; reverting
 * opens a transaction whose preview puts each back, and after its commit moto is as the rows were.
 * Refused while a transaction is open, when nothing is left to revert, and for a row changed again
 * since its drift.
 */
class DriftRevertIT extends DeployedTablecloud {

    private static final String SECRET = "a webhook secret the receiver knows";

    private Api api;
    private String environment;
    private MotoServer moto;
    private Ec2Client ec2;
    private WebhooksIT.Receiver receiver;

    @BeforeEach
    void environmentOnAnAccountOfItsOwn() throws Exception {
        int port = FreePort.find();
        moto = MotoServer.start(port, Map.of());
        String endpoint = "http://127.0.0.1:" + port;
        ec2 = Moto.ec2(endpoint, "us-east-1");
        api = new Api(deployment);
        environment = api.environment("revert-" + UUID.randomUUID().toString().substring(0, 8), endpoint, "us-east-1",
                "aws_vpc");
        receiver = WebhooksIT.Receiver.answering(204, Duration.ZERO);
        var hooked = api.put(path("webhooks"), """
                [{"url": %s, "secret": %s, "events": ["drift"]}]""".formatted(Api.quote(receiver.url()),
                Api.quote(SECRET)));
        assertThat(hooked.status()).as(hooked.toString()).isEqualTo(200);
    }

    @AfterEach
    void stopAccount() {
        receiver.server().stop(0);
        ec2.close();
        moto.close();
    }

    @Test
    void driftMadeByHandIsPutBackByARevertTransactionOnceCommitted() {
        committed("""
                insert into vpc (cidr_block, tags) values ('10.40.0.0/16', '{"Name": "billing"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.40.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = 'billing';
                """);
        Vpc billing = vpcNamed("billing");
        Subnet app = subnetOf(billing.vpcId());
        assertThat(app.cidrBlock()).isEqualTo("10.40.1.0/24");

        // By hand, in the console: retag the VPC, delete its subnet, make another VPC.
        ec2.createTags(r -> r.resources(billing.vpcId()).tags(Tag.builder().key("Name").value("payments").build()));
        ec2.deleteSubnet(r -> r.subnetId(app.subnetId()));
        String made = ec2.createVpc(r -> r.cidrBlock("10.41.0.0/16")).vpc().vpcId();
        ec2.createTags(r -> r.resources(made).tags(Tag.builder().key("Name").value("by-hand").build()));
        assertThat(api.post(path("sync"), "").status()).isEqualTo(200);

        JsonArray drift = drift();
        assertThat(find(drift, "changed", "payments").getString("table")).isEqualTo("vpc");
        assertThat(find(drift, "vanished", "10.40.1.0/24").getString("table")).isEqualTo("subnet");
        assertThat(find(drift, "appeared", "by-hand").getString("table")).isEqualTo("vpc");

        await("the drift webhook").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> receiver.posts().stream().anyMatch(post -> post.kind().equals("drift")));
        JsonObject hook = receiver.posts().stream().filter(post -> post.kind().equals("drift")).findFirst()
                .orElseThrow().json();
        assertThat(hook.getString("environment")).isEqualTo(environment);
        assertThat(hook.getString("drift")).isEqualTo("/environments/" + environment + "/drift");
        assertThat(hook.getInt("appeared")).isPositive();
        assertThat(hook.getInt("changed")).isPositive();
        assertThat(hook.getInt("vanished")).isPositive();
        assertThat(hook.getString("foundBy")).isEqualTo(Api.ADMIN);

        // Refused while a transaction is open: the revert needs one of its own.
        long open = api.begin(environment);
        var busy = api.post(path("drift/revert"));
        assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
        assertThat(busy.body()).contains("transaction " + open, "is open", "commit or roll it back first");
        assertThat(api.post(path("transactions/current/rollback")).status()).isEqualTo(200);
        var unknown = api.post(path("drift/revert"), "{\"positions\": [1]}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("Not drift of environment");

        // The Drift page: the button opens the revert transaction and shows it.
        try (Browser page = new Browser(deployment)) {
            page.signIn(Api.ADMIN, Api.adminPassword());
            page.open("environments/" + environment + "/drift");
            page.wait.until(driver -> page.cells("drift").contains("vanished"));
            assertThat(page.element("drift-revert").isEnabled()).isTrue();
            page.screenshot("drift-revert");
            page.click("drift-revert");
            page.wait.until(driver -> driver.getCurrentUrl().endsWith("/environments/" + environment + "/transaction"));
            page.screenshot("drift-revert-transaction");
        }
        assertThat(api.post(path("transactions/current/rollback")).status()).isEqualTo(200);

        var reverted = api.post(path("drift/revert"), "{}");
        assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
        JsonObject revert = reverted.object();
        assertThat(revert.getJsonArray("reverted").toString())
                .contains("update vpc 'payments': tags", "insert subnet '10.40.1.0/24'", "delete vpc 'by-hand'");
        JsonArray preview = revert.getJsonArray("preview");
        assertThat(step(preview, "update", "vpc").getJsonArray("changes").toString()).contains("payments", "billing");
        assertThat(step(preview, "create", "subnet")).isNotNull();
        assertThat(preview.stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("action").equals("delete") && row.getString("tableName").equals("vpc"))
                .map(row -> row.getString("id")).toList()).as(preview.toString()).hasSize(1);
        assertThat(SqlAnswers.rows(api.sql(environment, "select actor from iasql_audit_log where change_type = 'UPDATE'"
                + " and table_name = 'vpc' order by id desc limit 1"), 0).getJsonArray(0).getString(0))
                .as("the audit log names the user").isEqualTo(Api.ADMIN);

        var commit = api.post(path("transactions/current/commit"), "");
        assertThat(commit.status()).as(commit.toString()).isEqualTo(200);
        assertThat(vpcNamed("billing").vpcId()).isEqualTo(billing.vpcId());
        assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("vpc-id").values(made).build())).vpcs())
                .as("the VPC made by hand is gone").isEmpty();
        Subnet again = subnetOf(billing.vpcId());
        assertThat(again.subnetId()).isNotEqualTo(app.subnetId());
        assertThat(again.cidrBlock()).isEqualTo("10.40.1.0/24");
        assertThat(again.availabilityZone()).isEqualTo("us-east-1a");

        var nothing = api.post(path("drift/revert"));
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(409);
        assertThat(nothing.body()).contains("No drift to revert");
    }

    @Test
    void aRowChangedAgainSinceItsDriftIsNotRevertedAndSaidByName() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.42.0.0/16")).vpc().vpcId();
        ec2.createTags(r -> r.resources(vpc).tags(Tag.builder().key("Name").value("ledger").build()));
        assertThat(api.post(path("sync"), "").status()).isEqualTo(200);
        ec2.createTags(r -> r.resources(vpc).tags(Tag.builder().key("Name").value("journal").build()));
        assertThat(api.post(path("sync"), "").status()).isEqualTo(200);
        long position = find(drift(), "changed", "journal").getJsonNumber("position").longValue();

        api.begin(environment);
        SqlAnswers.ok(api.sql(environment, "update vpc set tags = '{\"Name\": \"books\"}' where tags->>'Name' = 'journal'"));
        var refused = api.post(path("drift/revert"), "{\"positions\": [" + position + "]}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("vpc 'journal' changed again since the drift", "UPDATE by " + Api.ADMIN);
        assertThat(api.post(path("transactions/current/rollback")).status()).isEqualTo(200);
    }

    private void committed(String sql) {
        api.begin(environment);
        SqlAnswers.ok(api.sql(environment, sql));
        var commit = api.post(path("transactions/current/commit"), "");
        assertThat(commit.status()).as(commit.toString()).isEqualTo(200);
    }

    private Vpc vpcNamed(String name) {
        List<Vpc> vpcs = ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values(name).build())).vpcs();
        assertThat(vpcs).as("VPCs named " + name).hasSize(1);
        return vpcs.get(0);
    }

    private Subnet subnetOf(String vpcId) {
        List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                .subnets();
        assertThat(subnets).as("subnets of " + vpcId).hasSize(1);
        return subnets.get(0);
    }

    private static JsonObject step(JsonArray preview, String action, String table) {
        return preview.stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("action").equals(action) && row.getString("tableName").equals(table))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " of " + table + " in " + preview));
    }

    private JsonArray drift() {
        var reply = api.get(path("drift"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().asJsonArray();
    }

    private static JsonObject find(JsonArray drift, String kind, String row) {
        return drift.stream().map(JsonObject.class::cast)
                .filter(change -> change.getString("kind").equals(kind) && change.getString("row").equals(row))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " '" + row + "' in " + drift));
    }

    private String path(String rest) {
        return "environments/" + environment + "/" + rest;
    }
}
