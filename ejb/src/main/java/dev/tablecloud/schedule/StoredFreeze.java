package dev.tablecloud.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A commit freeze row. Only this package touches it. */
@Entity
@Table(name = "commit_freeze")
class StoredFreeze {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "environment_name", nullable = false)
    String environmentName;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    Instant endsAt;

    @Column(nullable = false)
    String reason;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected StoredFreeze() {
    }

    StoredFreeze(String environmentName, CommitFreeze freeze, String createdBy) {
        this.environmentName = environmentName;
        this.startsAt = freeze.from();
        this.endsAt = freeze.to();
        this.reason = freeze.reason().strip();
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    boolean same(CommitFreeze freeze) {
        return startsAt.equals(freeze.from()) && endsAt.equals(freeze.to()) && reason.equals(freeze.reason().strip());
    }

    CommitFreeze toData() {
        return new CommitFreeze(startsAt, endsAt, reason, createdBy);
    }
}
