package dev.tablecloud.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A commit window row. Only this package touches it. */
@Entity
@Table(name = "commit_window")
class StoredWindow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "environment_name", nullable = false)
    String environmentName;

    @Column(nullable = false)
    int position;

    @Column(nullable = false)
    String cron;

    @Column(name = "duration_minutes", nullable = false)
    int durationMinutes;

    @Column(name = "time_zone", nullable = false)
    String timeZone;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected StoredWindow() {
    }

    StoredWindow(String environmentName, int position, CommitWindow window, String createdBy) {
        this.environmentName = environmentName;
        this.position = position;
        this.cron = window.cron().strip();
        this.durationMinutes = window.durationMinutes();
        this.timeZone = window.timeZone().strip();
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    CommitWindow toData() {
        return new CommitWindow(cron, durationMinutes, timeZone);
    }
}
