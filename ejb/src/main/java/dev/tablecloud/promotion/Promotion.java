package dev.tablecloud.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A promotion row. Only this package touches it. */
@Entity
@Table(name = "promotion")
class Promotion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "source_env", nullable = false)
    String source;

    @Column(name = "target_env", nullable = false)
    String target;

    String cron;

    @Column(name = "time_zone", nullable = false)
    String timeZone;

    @Column(name = "run_at")
    Instant runAt;

    @Column(name = "commit_mode", nullable = false)
    String commitMode;

    boolean paused;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "promoted_position", nullable = false)
    long promotedPosition;

    @Column(name = "next_run_at")
    Instant nextRunAt;

    @Column(name = "running_on")
    String runningOn;

    @Column(name = "running_since")
    Instant runningSince;

    protected Promotion() {
    }

    Promotion(PromotionSchedule schedule, String source, String target, String commitMode, String createdBy, Instant now) {
        this.source = source;
        this.target = target;
        this.cron = schedule.cron();
        this.timeZone = schedule.timeZone();
        this.runAt = schedule.at();
        this.commitMode = commitMode;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.nextRunAt = schedule.nextAfter(now).orElse(null);
    }

    PromotionSchedule schedule() {
        return new PromotionSchedule(cron, timeZone, runAt);
    }

    PromotionData toData(PromotionRunData lastRun) {
        return new PromotionData(id, source, target, cron, timeZone, runAt, commitMode, paused, createdBy, createdAt,
                promotedPosition, paused ? null : nextRunAt, runningOn, runningSince, lastRun);
    }
}
