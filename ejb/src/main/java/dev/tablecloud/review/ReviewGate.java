package dev.tablecloud.review;

import dev.tablecloud.export.ExportService;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.CommitAdmission;
import dev.tablecloud.transaction.CommitGate;
import dev.tablecloud.transaction.TransactionChange;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commit gate of DESIGN §6, for every door that commits (REST, iasql_commit(), jobs). With the
 * transaction held, the plan just made from the live cloud and the SQL of the users' changes are
 * hashed; the commit goes on only if no user changed the transaction since the current revision,
 * that hash is the revision's (so drift in the cloud that changes the plan refuses too), and the
 * revision has its approvals and no blocking rejection. An admin may override with a reason.
 */
@Stateless
@Local(CommitGate.class)
public class ReviewGate implements CommitGate {

    private static final int CHANGES_NAMED = 5;

    @Inject
    ReviewStore store;

    @EJB
    Access access;

    @EJB
    ExportService exports;

    @EJB
    TransactionService transactions;

    @Override
    public CommitAdmission admit(CommitRequest request) {
        String environment = request.environment();
        String script = exports.forTransaction(environment, request.transactionId(), null).script();
        String hash = ReviewHash.of(request.plan(), script);
        Optional<Review> review = store.openReviewOf(environment, request.transactionId());
        Optional<ReviewRevision> current = review.map(store::current);
        if (request.override() != null) {
            return overridden(request, hash, review, current);
        }
        ReviewPolicyData policy = store.policy(environment);
        if (policy.approvalsRequired() == 0) {
            return new CommitAdmission(hash, null, null, null);
        }
        if (review.isEmpty()) {
            throw new ConflictException("Transaction " + request.transactionId() + " needs "
                    + ReviewRules.approvalCount(policy.approvalsRequired()) + " before it is committed, and has no review:"
                    + " open one (POST /api/v1/environments/" + environment + "/transactions/current/reviews,"
                    + " or iasql_create_review(title, description)) and have it approved.");
        }
        ReviewRevision revision = current.orElseThrow();
        List<String> reasons = new ArrayList<>();
        boolean stale = revision.position().isBefore(request.position());
        if (stale || !revision.hash.equals(hash)) {
            reasons.add(planChanged(request, revision, script, stale));
        }
        reasons.addAll(ReviewRules.whyNotCommittable(policy, revision.number, store.decisions(review.get()), List.of()));
        if (!reasons.isEmpty()) {
            throw new ConflictException("Transaction " + request.transactionId() + " may not be committed: "
                    + String.join("; ", reasons) + ".");
        }
        return new CommitAdmission(hash, review.get().id, revision.number, null);
    }

    private String planChanged(CommitRequest request, ReviewRevision revision, String sqlNow, boolean stale) {
        String summary = "plan changed since approval: " + PlanDifference.summary(revision.number,
                PlanRows.fromJson(revision.plan), request.plan(), !sqlNow.equals(revision.sqlText));
        if (stale) {
            List<TransactionChange> since = transactions.changesAfter(request.environment(), request.transactionId(),
                    revision.auditPosition, CHANGES_NAMED);
            if (!since.isEmpty()) {
                summary += "; " + ReviewRules.whoChanged(since);
            }
        } else {
            summary += "; nobody changed the rows, so the cloud did (drift)";
        }
        return summary + ". Freeze a new revision and have it approved";
    }

    private CommitAdmission overridden(CommitRequest request, String hash, Optional<Review> review,
                                       Optional<ReviewRevision> current) {
        if (request.override().isBlank()) {
            throw new InvalidInputException(List.of(new FieldError("override",
                    "Give the reason for committing without the approvals: it is kept and shown with the commit.")));
        }
        access.require(request.environment(), Role.ADMIN, "commit without the approvals the review policy asks for");
        review.ifPresent(open -> store.record(open, ReviewEvent.Kind.OVERRIDDEN, request.actor(),
                current.map(revision -> revision.number).orElse(null), request.override()));
        return new CommitAdmission(hash, review.map(open -> open.id).orElse(null),
                current.map(revision -> revision.number).orElse(null), request.override());
    }

    @Override
    public void ended(String environment, long transactionId, String actor, TransactionEnd end, String detail) {
        store.openReviewOf(environment, transactionId).ifPresent(review -> {
            Integer revision = store.current(review).number;
            switch (end) {
                case COMMITTED -> {
                    review.close(Review.COMMITTED);
                    store.record(review, ReviewEvent.Kind.COMMITTED, actor, revision, detail);
                }
                case ROLLED_BACK -> {
                    review.close(Review.ROLLED_BACK);
                    store.record(review, ReviewEvent.Kind.ROLLED_BACK, actor, revision, detail);
                }
                case COMMIT_FAILED -> store.record(review, ReviewEvent.Kind.COMMIT_FAILED, actor, revision, detail);
                case COMMIT_REFUSED -> store.record(review, ReviewEvent.Kind.COMMIT_FAILED, actor, revision,
                        "refused: " + detail);
            }
        });
    }
}
