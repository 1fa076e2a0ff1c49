package dev.tablecloud.review;

import dev.tablecloud.export.ExportService;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.ChangePosition;
import dev.tablecloud.transaction.PreviewRow;
import dev.tablecloud.transaction.TransactionChange;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.transaction.TransactionState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.util.List;

/**
 * Opening a review of the open transaction and freezing its revisions. A revision is frozen from a
 * fresh preview (the live cloud) and the transaction's SQL, between two readings of the users'
 * changes that must agree: a change made meanwhile would otherwise be in the plan but not in the
 * position, or the other way round.
 */
@Stateless
public class ReviewService {

    static final int MAX_TITLE_LENGTH = 200;
    private static final int FREEZE_ATTEMPTS = 3;
    private static final int CHANGES_LISTED = 50;

    @Inject
    ReviewStore store;

    @EJB
    Access access;

    @EJB
    TransactionService transactions;

    @EJB
    ExportService exports;


    /** Opens the review of the open transaction with revision 1; authors may (it previews, reading the cloud). */
    public ReviewData open(String environment, String title, String description) {
        return views().data(opened(environment, title, description).review());
    }

    /**
     * What {@code iasql_create_review(title, description)} does: opens the review, and answers its
     * markdown for a pull request or a ticket.
     */
    public String openWithMarkdown(String environment, String title, String description) {
        Opened opened = opened(environment, title, description);
        return ReviewMarkdown.of(title, description, environment, opened.transaction(), opened.frozen().plan(),
                opened.frozen().sql());
    }

    private record Opened(Review review, TransactionData transaction, Frozen frozen) {
    }

    private Opened opened(String environment, String title, String description) {
        String actor = access.require(environment, Role.AUTHOR, "open a review");
        if (title == null || title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
            throw new InvalidInputException(List.of(new FieldError("title",
                    "A review has a title of 1 to " + MAX_TITLE_LENGTH + " characters.")));
        }
        TransactionData open = transactions.current(environment)
                .filter(transaction -> transaction.state() == TransactionState.OPEN)
                .orElseThrow(() -> new ConflictException("No transaction is open in environment '" + environment
                        + "' to review: call iasql_begin() and change rows first."));
                store.openReviewOf(environment, open.id()).ifPresent(existing -> {
            throw alreadyOpen(environment, existing);
        });
        Frozen frozen = freeze(environment, open.id());
        Review review = new Review(environment, open.id(), title.strip(), description, actor);
        try {
            store.persist(review);
            store.flush();
        } catch (PersistenceException concurrentOpen) {
            throw new ConflictException("Transaction " + open.id() + " of environment '" + environment
                    + "' got a review from someone else just now: open that one.");
        }
        store.record(review, ReviewEvent.Kind.OPENED, actor, null, review.title);
        addRevision(review, 1, frozen, List.of(), actor);
        return new Opened(review, open, frozen);
    }

    /** Freezes the next revision of a review, after changes made its current one stale. */
    public ReviewData newRevision(String environment, long reviewId) {
        String actor = access.require(environment, Role.AUTHOR, "freeze a new revision of a review");
                Review review = store.review(environment, reviewId);
        ReviewViews.requireOpen(review);
        ReviewRevision previous = store.current(review);
        Frozen frozen = freeze(environment, review.transactionId);
        List<TransactionChange> since = transactions.changesAfter(environment, review.transactionId,
                previous.auditPosition, CHANGES_LISTED);
        if (!previous.position().isBefore(frozen.position()) && previous.hash.equals(frozen.hash())) {
            throw new ConflictException("Revision " + previous.number + " of review " + review.id
                    + " is still current: nothing changed since it, neither the rows nor the plan.");
        }
        if (!since.isEmpty() && !store.recorded(review, ReviewEvent.Kind.STALE, previous.number)) {
            store.record(review, ReviewEvent.Kind.STALE, since.get(since.size() - 1).actor(), previous.number,
                    ReviewRules.whoChanged(since));
        }
        addRevision(review, previous.number + 1, frozen, since, actor);
        return views().data(review);
    }

    /**
     * Records, once per revision, that changes made the open review's current revision stale, so
     * that reviewers hear of it when it happens (history, webhooks) rather than at the next commit.
     */
    public void noticeChanges(String environment) {
        transactions.current(environment).filter(open -> open.state() == TransactionState.OPEN).ifPresent(open -> {
                        store.openReviewOf(environment, open.id()).ifPresent(review -> {
                ReviewRevision current = store.current(review);
                if (store.recorded(review, ReviewEvent.Kind.STALE, current.number)) {
                    return;
                }
                List<TransactionChange> since = transactions.changesAfter(environment, open.id(),
                        current.auditPosition, CHANGES_LISTED);
                if (!since.isEmpty()) {
                    store.record(review, ReviewEvent.Kind.STALE, since.get(since.size() - 1).actor(), current.number,
                            ReviewRules.whoChanged(since));
                }
            });
        });
    }

    private void addRevision(Review review, int number, Frozen frozen,
                             List<TransactionChange> since, String actor) {
        store.persist(new ReviewRevision(review.id, number, frozen, ReviewViews.changesJson(since), actor));
        store.record(review, ReviewEvent.Kind.REVISION, actor, number, frozen.plan().size() + " actions, hash "
                + frozen.hash());
    }

    private Frozen freeze(String environment, long transactionId) {
        for (int attempt = 0; attempt < FREEZE_ATTEMPTS; attempt++) {
            ChangePosition before = transactions.position(environment, transactionId);
            List<PreviewRow> plan = transactions.preview(environment);
            TransactionSql sql = exports.forTransaction(environment, transactionId, null);
            ChangePosition after = transactions.position(environment, transactionId);
            if (!before.isBefore(after)) {
                return new Frozen(before, plan, sql, ReviewHash.of(plan, sql.script()));
            }
        }
        throw new ConflictException("The rows of transaction " + transactionId + " kept changing while the revision"
                + " was being frozen: try again once they rest.");
    }

    private static ConflictException alreadyOpen(String environment, Review existing) {
        return new ConflictException("Transaction " + existing.transactionId + " of environment '" + environment
                + "' already has review " + existing.id + " ('" + existing.title + "', opened by " + existing.openedBy
                + "). After changes, freeze a new revision of it: POST /api/v1/environments/" + environment
                + "/reviews/" + existing.id + "/revisions.");
    }

    private ReviewViews views() {
        return new ReviewViews(store, transactions);
    }
}
