package dev.tablecloud.review;

import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reading reviews: one (by environment and id, or by its global id), an environment's, a
 * transaction's open one, the caller's inbox, the ones they opened, the recently closed ones, and a
 * review's history.
 */
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

    @Inject
    ReviewAuthors authors;

    public ReviewData get(String environment, long id) {
        access.require(environment, Role.VIEWER, "see reviews");
        return views().data(store.review(environment, id));
    }

    /**
     * A review by its id alone, as a link to {@code /reviews/12} names it: review ids are global.
     * The caller needs the viewer role in the review's environment, as for {@link #get(String, long)}.
     */
    public ReviewData get(long id) {
        Review review = store.review(id).orElseThrow(() -> new NotFoundException("There is no review " + id + "."));
        access.require(review.environmentName, Role.VIEWER, "see reviews");
        return views().data(review);
    }

    /**
     * Why the environment's review policy would refuse to commit the transaction now, in words, or
     * nothing when it would let it. A forecast for the buttons: the gate decides at commit time,
     * against a fresh plan, and admins may override it with a reason.
     */
    public List<String> commitRefusals(String environment, long transactionId) {
        access.require(environment, Role.VIEWER, "see reviews");
        int required = store.policy(environment).approvalsRequired();
        if (required == 0) {
            return List.of();
        }
        return store.openReviewOf(environment, transactionId)
                .map(review -> views().data(review))
                .map(review -> review.committable() ? List.<String>of() : review.notCommittableBecause())
                .orElse(List.of("this environment's review policy asks for " + required
                        + (required == 1 ? " approval" : " approvals") + ": open a review of the transaction"));
    }

    /** The open review of a transaction, if it has one. */
    public Optional<ReviewSummary> openReviewOf(String environment, long transactionId) {
        access.require(environment, Role.VIEWER, "see reviews");
        return store.openReviewOf(environment, transactionId).map(views()::summary);
    }

    /** Open reviews, in every environment the caller may see, that the caller opened. */
    public List<ReviewSummary> openedByCaller() {
        String caller = access.caller();
        Predicate<Review> visible = visibleTo(caller);
        return store.reviews(null, true).stream().filter(review -> review.openedBy.equals(caller))
                .filter(visible).map(views()::summary).toList();
    }

    /** Closed reviews (committed or rolled back), newest first, in every environment the caller may see. */
    public List<ReviewSummary> recentlyClosed(int limit) {
        Predicate<Review> visible = visibleTo(access.caller());
        return store.reviews(null, false).stream().filter(visible)
                .sorted(Comparator.comparing((Review review) -> review.closedAt,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit).map(views()::summary).toList();
    }

    /** Whether the caller may see a review's environment, asked once per environment. */
    private Predicate<Review> visibleTo(String caller) {
        Map<String, Boolean> byEnvironment = new HashMap<>();
        return review -> byEnvironment.computeIfAbsent(review.environmentName,
                environment -> access.holds(caller, environment, Role.VIEWER));
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
            return ReviewRules.whyMayNotApprove(policy, caller, review.openedBy,
                    authors.of(review.environmentName, review.transactionId)).isEmpty();
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
