package dev.tablecloud.review;

import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.TablecloudException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.TransactionChange;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Deciding on a review and commenting on it. A decision is bound to the current revision and its
 * hash: if someone changes the transaction a moment after the check, the decision still names the
 * revision its author saw, and the commit gate, which compares that hash with the live plan's under
 * the commit's own lock, will not let it count for anything else.
 */
@Stateless
public class ReviewDecisionService {

    static final int MAX_TEXT_LENGTH = 20_000;
    private static final int CHANGES_NAMED = 5;

    @Inject
    ReviewStore store;

    @EJB
    Access access;

    @EJB
    TransactionService transactions;

    @Inject
    ReviewAuthors authors;

    /** @param decision {@code approve} or {@code reject} */
    public ReviewData.Decision decide(String environment, long reviewId, Integer revision, String decision,
                                      String comment) {
        ReviewPolicyData policy = store.policy(environment);
        String caller = access.require(environment, policy.approver(), "approve or reject reviews");
                Review review = store.review(environment, reviewId);
        if (!ReviewRules.APPROVE.equals(decision) && !ReviewRules.REJECT.equals(decision)) {
            throw new InvalidInputException(List.of(new FieldError("decision", "Give \"approve\" or \"reject\".")));
        }
        if (revision == null) {
            throw new InvalidInputException(List.of(new FieldError("revision",
                    "Name the revision you decide on: a decision is bound to what you saw.")));
        }
        ReviewViews.requireOpen(review);
        ReviewRevision current = store.current(review);
        if (revision != current.number) {
            List<TransactionChange> since = changesAfterRevision(environment, review, revision);
            throw new ConflictException("Revision " + revision + " of review " + reviewId + " is not the current one:"
                    + (since.isEmpty() ? "" : " " + ReviewRules.whoChanged(since) + ";") + " revision " + current.number
                    + " is. Decide on revision " + current.number + ".");
        }
        refusal(environment, policy, caller, review, current, decision).ifPresent(refused -> {
            throw refused;
        });
        ReviewDecision kept = new ReviewDecision(review.id, current, caller, decision, blankAsNull(comment));
        store.persist(kept);
        store.record(review, ReviewRules.APPROVE.equals(decision) ? ReviewEvent.Kind.APPROVED : ReviewEvent.Kind.REJECTED,
                caller, current.number, kept.comment);
        return new ReviewData.Decision(kept.revision, kept.actor, kept.decision, kept.comment, kept.decidedAt, true);
    }

    /**
     * Why the caller may not approve, or reject, the review's current revision now: the checks
     * {@link #decide} makes, in its words, without deciding. Viewers may ask.
     */
    public DecisionRefusals refusals(String environment, long reviewId) {
        access.require(environment, Role.VIEWER, "see reviews");
        ReviewPolicyData policy = store.policy(environment);
        Review review = store.review(environment, reviewId);
        ReviewRevision current = store.current(review);
        String caller = access.caller();
        try {
            access.require(environment, policy.approver(), "approve or reject reviews");
        } catch (ForbiddenException refused) {
            return new DecisionRefusals(current.number, refused.getMessage(), refused.getMessage());
        }
        if (!review.isOpen()) {
            String closed = ReviewViews.closed(review).getMessage();
            return new DecisionRefusals(current.number, closed, closed);
        }
        return new DecisionRefusals(current.number,
                refusal(environment, policy, caller, review, current, ReviewRules.APPROVE).map(Throwable::getMessage)
                        .orElse(null),
                refusal(environment, policy, caller, review, current, ReviewRules.REJECT).map(Throwable::getMessage)
                        .orElse(null));
    }

    /** What stops the caller's decision on the open review's current revision: changes since it, or the four-eyes rule. */
    private Optional<TablecloudException> refusal(String environment, ReviewPolicyData policy, String caller,
                                                  Review review, ReviewRevision current, String decision) {
        if (current.position().isBefore(transactions.position(environment, review.transactionId))) {
            List<TransactionChange> since = transactions.changesAfter(environment, review.transactionId,
                    current.auditPosition, CHANGES_NAMED);
            return Optional.of(new ConflictException("Revision " + current.number + " of review " + review.id
                    + " is stale: " + ReviewRules.whoChanged(since) + ". Freeze a new revision (POST /api/v1/environments/"
                    + environment + "/reviews/" + review.id + "/revisions) and decide on that."));
        }
        if (ReviewRules.APPROVE.equals(decision)) {
            return ReviewRules.whyMayNotApprove(policy, caller, review.openedBy,
                    authors.of(environment, review.transactionId)).map(ForbiddenException::new);
        }
        return Optional.empty();
    }

    /** A comment on the review, or on one line of its current revision's plan; authors and reviewers may. */
    public ReviewData.Comment comment(String environment, long reviewId, String text, PlanRowRef planRow) {
        whyMayNotComment(environment).ifPresent(reason -> {
            throw new ForbiddenException(reason);
        });
        String caller = access.caller();
                Review review = store.review(environment, reviewId);
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(List.of(new FieldError("text",
                    "A comment has 1 to " + MAX_TEXT_LENGTH + " characters of markdown.")));
        }
        ReviewRevision current = store.current(review);
        if (planRow != null && PlanRows.fromJson(current.plan).stream().noneMatch(row -> row.action().equals(planRow.action())
                && row.tableName().equals(planRow.tableName()) && row.id().equals(planRow.id()))) {
            throw new InvalidInputException(List.of(new FieldError("planRow", "Revision " + current.number
                    + " has no plan line " + planRow.action() + " " + planRow.tableName() + " " + planRow.id() + ".")));
        }
        ReviewComment kept = new ReviewComment(review.id, current.number, caller, text, planRow);
        store.persist(kept);
        store.flush();
        store.record(review, ReviewEvent.Kind.COMMENTED, caller, current.number, text);
        return new ReviewData.Comment(kept.id, kept.revision, kept.actor, kept.text, ReviewViews.html(kept.text),
                planRow, kept.commentedAt);
    }

    /** Why the caller may not comment on the environment's reviews, or empty when they may. */
    public Optional<String> whyMayNotComment(String environment) {
        String caller = access.caller();
        if (!access.holds(caller, environment, Role.AUTHOR) && !access.holds(caller, environment, Role.REVIEWER)) {
            return Optional.of(caller + " may not comment on reviews in environment '" + environment
                    + "': that needs the author or the reviewer role there. An admin can grant it.");
        }
        return Optional.empty();
    }

    private List<TransactionChange> changesAfterRevision(String environment, Review review,
                                                         int revision) {
        return store.revisions(review).stream().filter(r -> r.number == revision).findFirst()
                .map(r -> transactions.changesAfter(environment, review.transactionId, r.auditPosition, CHANGES_NAMED))
                .orElse(List.of());
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
