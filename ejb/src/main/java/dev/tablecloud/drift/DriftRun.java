package dev.tablecloud.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A sync that found drift. Only this package touches it. */
@Entity
@Table(name = "drift_run")
class DriftRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "environment_name", nullable = false)
    String environmentName;

    @Column(name = "detected_at", nullable = false)
    Instant detectedAt;

    @Column(name = "detected_by", nullable = false)
    String detectedBy;

    @Column(name = "audit_from", nullable = false)
    long auditFrom;

    @Column(name = "audit_to", nullable = false)
    long auditTo;

    @Column(nullable = false)
    int inserted;

    @Column(nullable = false)
    int updated;

    @Column(nullable = false)
    int deleted;

    protected DriftRun() {
    }

    DriftRun(String environmentName, String detectedBy, long auditFrom, long auditTo, long inserted, long updated,
             long deleted) {
        this.environmentName = environmentName;
        this.detectedAt = Instant.now();
        this.detectedBy = detectedBy;
        this.auditFrom = auditFrom;
        this.auditTo = auditTo;
        this.inserted = (int) inserted;
        this.updated = (int) updated;
        this.deleted = (int) deleted;
    }
}
