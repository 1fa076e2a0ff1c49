package dev.tablecloud.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An environment's drift schedule. Only this package touches it. */
@Entity
@Table(name = "drift_schedule")
class DriftScheduleRow {

    @Id
    @Column(name = "environment_name")
    String environmentName;

    /** Null: the server's default. */
    @Column(name = "interval_minutes")
    Integer intervalMinutes;

    @Column(name = "last_run_at")
    Instant lastRunAt;

    protected DriftScheduleRow() {
    }

    DriftScheduleRow(String environmentName) {
        this.environmentName = environmentName;
    }
}
