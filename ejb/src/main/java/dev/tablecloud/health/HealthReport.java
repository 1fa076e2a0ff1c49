package dev.tablecloud.health;

import dev.tablecloud.jobrun.JobRunData;
import jakarta.json.bind.annotation.JsonbTransient;

/**
 * The health of this server node.
 *
 * @param status    UP when the control database answers and its schema is current, else DOWN
 * @param heartbeat the last run of the heartbeat job on any node, or null before the first one
 */
public record HealthReport(String status, String version, long uptimeSeconds, ControlDatabaseHealth controlDatabase,
                           JobRunData heartbeat) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    @JsonbTransient
    public boolean isUp() {
        return UP.equals(status);
    }

    /** @param problem why the database cannot be used, or null */
    public record ControlDatabaseHealth(String url, boolean reachable, boolean schemaReady, String problem) {
    }
}
