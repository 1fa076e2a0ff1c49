package dev.tablecloud.it;

import static org.awaitility.Awaitility.await;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The health endpoint: control database, version, uptime, and the heartbeat job's last run. */
class HealthIT extends DeployedTablecloud {

    @Test
    void reportsTheControlDatabaseVersionAndUptime() {
        var reply = new Api(deployment).get("health");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject health = reply.object();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getString("version")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(health.getJsonNumber("uptimeSeconds").longValue()).isNotNegative();
        JsonObject database = health.getJsonObject("controlDatabase");
        assertThat(database.getBoolean("reachable")).isTrue();
        assertThat(database.getBoolean("schemaReady")).isTrue();
        assertThat(database.getString("url")).isEqualTo(System.getenv("TABLECLOUD_DB_URL"));
    }

    @Test
    void reportsTheLastRunOfTheHeartbeatJob() throws InterruptedException {
        Api api = new Api(deployment);
        JsonObject health = await("the heartbeat job's first run in health").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("health").object(), answer -> answer.containsKey("heartbeat"));

        assertThat(health.containsKey("heartbeat")).as("heartbeat in " + health).isTrue();
        JsonObject heartbeat = health.getJsonObject("heartbeat");
        assertThat(heartbeat.getString("jobName")).isEqualTo("heartbeat");
        assertThat(heartbeat.getString("outcome")).isEqualTo("SUCCEEDED");
        Instant lastRun = Instant.parse(heartbeat.getString("startedAt"));
        assertThat(lastRun).isBetween(Instant.now().minus(Duration.ofMinutes(3)), Instant.now().plusSeconds(5));
    }
}
