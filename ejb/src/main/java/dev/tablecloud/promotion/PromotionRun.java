package dev.tablecloud.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A run of a promotion, as kept. Only this package touches it. */
@Entity
@Table(name = "promotion_run")
class PromotionRun {

    static final int MESSAGE_LENGTH = 4000;
    static final int LIST_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "promotion_id", nullable = false)
    long promotionId;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(nullable = false)
    String node;

    @Column(name = "started_by", nullable = false)
    String startedBy;

    @Column(nullable = false)
    String outcome;

    @Column(length = MESSAGE_LENGTH)
    String message;

    /** Comma-separated ids. */
    @Column(name = "source_transactions", length = LIST_LENGTH)
    String sourceTransactions;

    /** Comma-separated names. */
    @Column(name = "source_authors", length = LIST_LENGTH)
    String sourceAuthors;

    @Column(name = "from_position", nullable = false)
    long fromPosition;

    @Column(name = "up_to_position")
    Long upToPosition;

    @Column(name = "target_transaction_id")
    Long targetTransactionId;

    @Column(name = "review_id")
    Long reviewId;

    @Column(name = "statement_number")
    Integer statementNumber;

    String script;

    String settled;

    @Column(name = "settled_at")
    Instant settledAt;

    protected PromotionRun() {
    }

    PromotionRun(long promotionId, String node, String startedBy, long fromPosition, Instant now) {
        this.promotionId = promotionId;
        this.node = node;
        this.startedBy = startedBy;
        this.fromPosition = fromPosition;
        this.startedAt = now;
        this.outcome = PromotionRunData.RUNNING;
    }

    /** Its target transaction is still to be committed or rolled back. */
    boolean outstanding() {
        return settled == null && targetTransactionId != null
                && (outcome.equals(PromotionRunData.PROMOTED) || outcome.equals(PromotionRunData.CONFLICT));
    }

    List<String> authors() {
        return split(sourceAuthors);
    }

    static String joined(List<?> values) {
        String joined = String.join(",", values.stream().map(String::valueOf).toList());
        return joined.length() <= LIST_LENGTH ? joined : joined.substring(0, joined.lastIndexOf(',', LIST_LENGTH));
    }

    static String clipped(String message) {
        return message == null || message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH - 1) + "…";
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    PromotionRunData toData(Promotion promotion) {
        return new PromotionRunData(id, promotionId, promotion.source, promotion.target, startedAt, finishedAt, node,
                startedBy, outcome, message, split(sourceTransactions).stream().map(Long::valueOf).toList(), authors(),
                fromPosition, upToPosition, targetTransactionId, reviewId, statementNumber, script, settled, settledAt);
    }
}
