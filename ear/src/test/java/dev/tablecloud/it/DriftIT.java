package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drift (DESIGN §4, §7) on the real server with an account of the test's own: changes made in moto
 * by hand are found by a person's sync or by the environment's drift schedule, and read back per
 * row, old → new, with who found them; a schedule waits while a transaction is open.
 */
class DriftIT extends DeployedTablecloud {

    private Api api;
    private String environment;
    private MotoServer moto;
    private Ec2Client ec2;

    @BeforeEach
    void environmentOnAnAccountOfItsOwn() throws Exception {
        int port = FreePort.find();
        moto = MotoServer.start(port, java.util.Map.of());
        String endpoint = "http://127.0.0.1:" + port;
        ec2 = Moto.ec2(endpoint, "us-east-1");
        api = new Api(deployment);
        environment = api.environment("drift-" + UUID.randomUUID().toString().substring(0, 8), endpoint, "us-east-1",
                "aws_vpc");
    }

    @AfterEach
    void stopAccount() {
        ec2.close();
        moto.close();
    }

    @Test
    void aVpcMadeAndOneRetaggedByHandAreDriftOldToNewOnceAPersonSyncs() {
        String kept = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        tag(kept, "billing");
        assertThat(api.post(path("sync"), "").status()).isEqualTo(200);
        int before = drift().size();

        tag(kept, "payments");
        String made = ec2.createVpc(r -> r.cidrBlock("10.31.0.0/16")).vpc().vpcId();
        tag(made, "by-hand");
        assertThat(api.post(path("sync"), "").status()).isEqualTo(200);

        JsonArray drift = drift();
        // The VPC made by hand came with what AWS makes along (its main route table, local route…).
        assertThat(drift.size()).isGreaterThan(before + 2);
        assertThat(drift.stream().map(JsonObject.class::cast).map(change -> change.getString("table")))
                .contains("vpc", "route_table");
        JsonObject retagged = find(drift, "changed", "payments");
        assertThat(retagged.getString("table")).isEqualTo("vpc");
        assertThat(retagged.getString("foundBy")).isEqualTo(Api.ADMIN);
        assertThat(retagged.getJsonArray("changes").toString()).contains("tags", "billing", "payments");
        assertThat(find(drift, "appeared", "by-hand").getJsonArray("changes").toString()).contains("10.31.0.0/16");

        try (Browser page = new Browser(deployment)) {
            page.signIn(Api.ADMIN, Api.adminPassword());
            page.open("environments/" + environment + "/drift");
            page.wait.until(driver -> page.cells("drift").contains("appeared"));
            // Newest first, as over REST: the retagged VPC is the oldest change of the last sync.
            int index = drift.stream().map(JsonObject.class::cast).map(change -> change.getString("row")).toList()
                    .indexOf("payments");
            ((org.openqa.selenium.JavascriptExecutor) page.driver).executeScript(
                    "document.getElementById('drift').scrollToIndex(arguments[0])", index);
            page.wait.until(driver -> page.cells("drift").contains("payments"));
            assertThat(page.cells("drift")).contains("changed", Api.ADMIN);
            page.driver.findElements(org.openqa.selenium.By.cssSelector("#drift vaadin-grid-cell-content")).stream()
                    .filter(cell -> cell.getText().equals("payments")).findFirst().orElseThrow().click();
            page.wait.until(driver -> page.text("drift").contains("billing"));
            page.screenshot("drift");
        }
    }

    @Test
    void theDriftScheduleSyncsByItselfAndWaitsWhileATransactionIsOpen() {
        var off = api.get(path("drift/schedule"));
        assertThat(off.object().getInt("intervalMinutes")).as("the test server's default: never").isZero();
        assertThat(off.object().getBoolean("serverDefault")).isTrue();
        var bad = api.put(path("drift/schedule"), "{\"intervalMinutes\": -5}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Every 1 to 10080 minutes, 0 for never");

        String vpc = ec2.createVpc(r -> r.cidrBlock("10.32.0.0/16")).vpc().vpcId();
        tag(vpc, "made-in-the-console");
        var every = api.put(path("drift/schedule"), "{\"intervalMinutes\": 1}");
        assertThat(every.status()).as(every.toString()).isEqualTo(200);
        assertThat(every.object().getBoolean("serverDefault")).isFalse();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                .until(() -> drift().toString().contains("made-in-the-console"));
        assertThat(find(drift(), "appeared", "made-in-the-console").getString("foundBy")).isEqualTo("drift schedule");
        JsonObject run = api.get("jobs/runs?environment=" + environment + "&kind=drift-sync").json().asJsonArray()
                .getJsonObject(0);
        assertThat(run.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(run.getString("message")).contains("Drift: vpc 1 appeared");

        api.begin(environment);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).until(() ->
                api.get("jobs/runs?environment=" + environment + "&kind=drift-sync&outcome=skipped").json()
                        .asJsonArray().size() > 0);
        assertThat(api.get("jobs/runs?environment=" + environment + "&outcome=skipped").json().asJsonArray()
                .getJsonObject(0).getString("message")).contains("Not synced", "is open");
        api.post(path("transactions/current/rollback"));
        api.put(path("drift/schedule"), "{\"intervalMinutes\": 0}");
    }

    private void tag(String vpcId, String name) {
        ec2.createTags(r -> r.resources(vpcId).tags(Tag.builder().key("Name").value(name).build()));
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
