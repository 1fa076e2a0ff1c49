package dev.tablecloud.drift;

import java.time.Instant;

/**
 * @param intervalMinutes how often the environment syncs for drift; 0: never
 * @param serverDefault   whether that is the server's default rather than the environment's own
 * @param serverDefaultMinutes the server's default interval, for environments that keep it
 * @param lastRunAt       when it last synced on schedule, or null
 */
public record DriftScheduleData(int intervalMinutes, boolean serverDefault, int serverDefaultMinutes, Instant lastRunAt) {
}
