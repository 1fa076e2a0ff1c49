package dev.tablecloud.it;

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
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonObject health = api.get("health").object();
        while (!health.containsKey("heartbeat") && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            health = api.get("health").object();
        }

        assertThat(health.containsKey("heartbeat")).as("heartbeat in " + health).isTrue();
        JsonObject heartbeat = health.getJsonObject("heartbeat");
        assertThat(heartbeat.getString("jobName")).isEqualTo("heartbeat");
        assertThat(heartbeat.getString("outcome")).isEqualTo("SUCCEEDED");
        Instant lastRun = Instant.parse(heartbeat.getString("startedAt"));
        assertThat(lastRun).isBetween(Instant.now().minus(Duration.ofMinutes(3)), Instant.now().plusSeconds(5));
    }
}
