package dev.tablecloud.review;

import dev.tablecloud.transaction.ChangePosition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A frozen revision of a review: what its approvals approve. Only this package touches it. */
@Entity
@Table(name = "review_revision")
class ReviewRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "review_id", nullable = false)
    long reviewId;

    @Column(nullable = false)
    int number;

    @Column(name = "audit_position", nullable = false)
    long auditPosition;

    @Column(name = "change_count", nullable = false)
    int changeCount;

    @Column(nullable = false)
    String plan;

    @Column(name = "sql_text", nullable = false)
    String sqlText;

    @Column(nullable = false)
    String hash;

    @Column(name = "changes_since", nullable = false)
    String changesSince;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ReviewRevision() {
    }

    ReviewRevision(long reviewId, int number, Frozen frozen, String changesSince, String createdBy) {
        this.reviewId = reviewId;
        this.number = number;
        this.auditPosition = frozen.position().lastChange();
        this.changeCount = frozen.position().count();
        this.plan = PlanRows.toJson(frozen.plan());
        this.sqlText = frozen.sqlScript();
        this.hash = frozen.hash();
        this.changesSince = changesSince;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    ChangePosition position() {
        return new ChangePosition(auditPosition, changeCount);
    }
}
