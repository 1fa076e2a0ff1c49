package dev.tablecloud.review;

import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Writes the steps of a review that decide on a transaction into that transaction's audit log, so
 * an environment's log names who approved its changes beside who made them.
 */
@ApplicationScoped
class ReviewAuditMarkers {

    static final Map<String, String> MARKERS = Map.of(
            ReviewEvent.Kind.OPENED.label(), "REVIEW_OPENED",
            ReviewEvent.Kind.REVISION.label(), "REVISION",
            ReviewEvent.Kind.APPROVED.label(), "APPROVED",
            ReviewEvent.Kind.REJECTED.label(), "REJECTED");

    @EJB
    TransactionService transactions;

    /** In the deciding bean's transaction: the entry is written when the decision is, by its actor. */
    void mark(@Observes ReviewEvent event) {
        String marker = MARKERS.get(event.kind());
        if (marker != null) {
            transactions.recordReviewStep(event.environment(), event.transactionId(), marker, event.reviewId(),
                    event.revision());
        }
    }
}
