package dev.tablecloud.review;

import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.TransactionChange;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

/** Reading reviews: one, an environment's, the caller's inbox, and a review's history. */
@Stateless
public class ReviewQueryService {

    @Inject
    ReviewStore store;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    @EJB
    TransactionService transactions;

    public ReviewData get(String environment, long id) {
        access.require(environment, Role.VIEWER, "see reviews");
        return views().data(store.review(environment, id));
    }

    /** @param state {@code open} (the default) or {@code closed} */
    public List<ReviewSummary> list(String environment, String state) {
        access.require(environment, Role.VIEWER, "see reviews");
        environments.get(environment);
        boolean open = state == null || state.isBlank() || state.equals("open");
        if (!open && !state.equals("closed")) {
            throw new InvalidInputException(List.of(new FieldError("state", "Give state=open or state=closed.")));
        }
        return store.reviews(environment, open).stream().map(views()::summary).toList();
    }

    /**
     * Open reviews, in every environment, that the caller may decide and has not decided in their
     * current revision: they hold the approving role there and, unless the policy allows it, did
     * not change the transaction nor open the review.
     */
    public List<ReviewSummary> inbox() {
        String caller = access.caller();
                return store.reviews(null, true).stream().filter(review -> {
            ReviewPolicyData policy = store.policy(review.environmentName);
            if (!access.holds(caller, review.environmentName, policy.approver())) {
                return false;
            }
            int current = store.current(review).number;
            if (ReviewRules.standing(current, store.decisions(review)).containsKey(caller)) {
                return false;
            }
            List<TransactionChange> authors = transactions.authors(review.environmentName, review.transactionId);
            return ReviewRules.whyMayNotApprove(policy, caller, review.openedBy, authors).isEmpty();
        }).map(views()::summary).toList();
    }

    public List<ReviewEvent> history(String environment, long id) {
        access.require(environment, Role.VIEWER, "see reviews");
        Review review = store.review(environment, id);
        return store.history(review).stream().map(entry -> ReviewStore.event(review, entry)).toList();
    }

    private ReviewViews views() {
        return new ReviewViews(store, transactions);
    }
}
