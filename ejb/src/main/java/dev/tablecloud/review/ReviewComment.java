package dev.tablecloud.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A comment on a review, or on one line of its plan. Only this package touches it. */
@Entity
@Table(name = "review_comment")
class ReviewComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "review_id", nullable = false)
    long reviewId;

    @Column(nullable = false)
    int revision;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    String text;

    @Column(name = "plan_action")
    String planAction;

    @Column(name = "plan_table")
    String planTable;

    @Column(name = "plan_row_id")
    String planRowId;

    @Column(name = "commented_at", nullable = false)
    Instant commentedAt;

    protected ReviewComment() {
    }

    ReviewComment(long reviewId, int revision, String actor, String text, PlanRowRef planRow) {
        this.reviewId = reviewId;
        this.revision = revision;
        this.actor = actor;
        this.text = text;
        if (planRow != null) {
            this.planAction = planRow.action();
            this.planTable = planRow.tableName();
            this.planRowId = planRow.id();
        }
        this.commentedAt = Instant.now();
    }
}
