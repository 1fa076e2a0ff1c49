package dev.tablecloud.drift;

import java.util.Optional;

/** An environment's drift interval: its own, or the server's default. */
final class DriftSchedules {

    static final int LONGEST_MINUTES = 10080;
    static final int FALLBACK_MINUTES = 15;

    private DriftSchedules() {
    }

    static DriftScheduleData of(Optional<DriftScheduleRow> row) {
        Integer own = row.map(kept -> kept.intervalMinutes).orElse(null);
        int serverDefault = serverDefaultMinutes();
        return new DriftScheduleData(own == null ? serverDefault : own, own == null, serverDefault,
                row.map(kept -> kept.lastRunAt).orElse(null));
    }

    /** {@code tablecloud.drift.default.minutes} (TABLECLOUD_DRIFT_DEFAULT_MINUTES), 15 when unset. */
    static int serverDefaultMinutes() {
        try {
            String configured = System.getProperty("tablecloud.drift.default.minutes", "");
            return configured.isBlank() ? FALLBACK_MINUTES
                    : Math.max(0, Math.min(LONGEST_MINUTES, Integer.parseInt(configured.strip())));
        } catch (NumberFormatException e) {
            return FALLBACK_MINUTES;
        }
    }
}
