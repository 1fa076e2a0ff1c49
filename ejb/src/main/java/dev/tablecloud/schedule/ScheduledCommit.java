package dev.tablecloud.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A scheduled commit row. Only this package touches it. */
@Entity
@Table(name = "scheduled_commit")
class ScheduledCommit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "environment_name", nullable = false)
    String environmentName;

    @Column(name = "transaction_id", nullable = false)
    long transactionId;

    @Column(nullable = false)
    String mode;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;

    @Column(name = "requested_by", nullable = false)
    String requestedBy;

    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;

    @Column(nullable = false)
    String state;

    String node;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(length = 4000)
    String message;

    protected ScheduledCommit() {
    }

    ScheduledCommit(String environmentName, long transactionId, String mode, Instant dueAt, String requestedBy) {
        this.environmentName = environmentName;
        this.transactionId = transactionId;
        this.mode = mode;
        this.dueAt = dueAt;
        this.requestedBy = requestedBy;
        this.requestedAt = Instant.now();
        this.state = ScheduledCommitData.SCHEDULED;
    }

    void finish(String state, String message) {
        this.state = state;
        this.finishedAt = Instant.now();
        this.message = message == null || message.length() <= 4000 ? message : message.substring(0, 4000);
    }

    ScheduledCommitData toData() {
        return new ScheduledCommitData(id, environmentName, transactionId, mode, dueAt, requestedBy, requestedAt, state,
                node, startedAt, finishedAt, message);
    }
}
