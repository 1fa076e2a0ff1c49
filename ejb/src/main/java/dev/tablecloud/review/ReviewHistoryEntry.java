package dev.tablecloud.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One entry of a review's history. Only this package touches it. */
@Entity
@Table(name = "review_event")
class ReviewHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "review_id", nullable = false)
    long reviewId;

    @Column(nullable = false)
    String kind;

    @Column(nullable = false)
    String actor;

    @Column
    Integer revision;

    @Column
    String detail;

    @Column(name = "happened_at", nullable = false)
    Instant happenedAt;

    protected ReviewHistoryEntry() {
    }

    ReviewHistoryEntry(long reviewId, ReviewEvent.Kind kind, String actor, Integer revision, String detail) {
        this.reviewId = reviewId;
        this.kind = kind.label();
        this.actor = actor;
        this.revision = revision;
        this.detail = detail;
        this.happenedAt = Instant.now();
    }
}
