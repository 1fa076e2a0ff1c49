package dev.tablecloud.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A review row: one transaction's request for approval. Only this package touches it. */
@Entity
@Table(name = "review")
class Review {

    static final String OPEN = "open";
    static final String COMMITTED = "committed";
    static final String ROLLED_BACK = "rolled_back";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "environment_name", nullable = false)
    String environmentName;

    @Column(name = "transaction_id", nullable = false)
    long transactionId;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String description;

    @Column(name = "opened_by", nullable = false)
    String openedBy;

    @Column(name = "opened_at", nullable = false)
    Instant openedAt;

    @Column(nullable = false)
    String state;

    @Column(name = "closed_at")
    Instant closedAt;

    protected Review() {
    }

    Review(String environmentName, long transactionId, String title, String description, String openedBy) {
        this.environmentName = environmentName;
        this.transactionId = transactionId;
        this.title = title;
        this.description = description == null ? "" : description;
        this.openedBy = openedBy;
        this.openedAt = Instant.now();
        this.state = OPEN;
    }

    boolean isOpen() {
        return OPEN.equals(state);
    }

    void close(String endState) {
        state = endState;
        closedAt = Instant.now();
    }
}
