package dev.tablecloud.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An approval or rejection of one revision. Only this package touches it. */
@Entity
@Table(name = "review_decision")
class ReviewDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "review_id", nullable = false)
    long reviewId;

    @Column(nullable = false)
    int revision;

    @Column(nullable = false)
    String hash;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    String decision;

    @Column
    String comment;

    @Column(name = "decided_at", nullable = false)
    Instant decidedAt;

    protected ReviewDecision() {
    }

    ReviewDecision(long reviewId, ReviewRevision revision, String actor, String decision, String comment) {
        this.reviewId = reviewId;
        this.revision = revision.number;
        this.hash = revision.hash;
        this.actor = actor;
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = Instant.now();
    }
}
