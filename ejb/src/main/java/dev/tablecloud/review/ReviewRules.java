package dev.tablecloud.review;

import dev.tablecloud.transaction.TransactionChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of DESIGN §6 as plain decisions on plain data, so that tests reach them without a
 * server: who may approve, what counts, and why a transaction may not commit yet.
 */
final class ReviewRules {

    static final String APPROVE = "approve";
    static final String REJECT = "reject";

    private ReviewRules() {
    }

    /** Each actor's latest decision on the revision: the one that counts. */
    static Map<String, ReviewDecision> standing(int revision, List<ReviewDecision> decisions) {
        Map<String, ReviewDecision> latest = new LinkedHashMap<>();
        decisions.stream().filter(decision -> decision.revision == revision)
                .forEach(decision -> latest.put(decision.actor, decision));
        return latest;
    }

    static ReviewData.Approvals approvals(ReviewPolicyData policy, int revision, List<ReviewDecision> decisions) {
        Map<String, ReviewDecision> standing = standing(revision, decisions);
        return new ReviewData.Approvals(policy.approvalsRequired(),
                standing.values().stream().filter(d -> APPROVE.equals(d.decision)).map(d -> d.actor).toList(),
                standing.values().stream().filter(d -> REJECT.equals(d.decision)).map(d -> d.actor).toList());
    }

    /**
     * Why the caller may not approve, or empty when they may: the four-eyes rule, unless the policy
     * allows self-approval. An author of changes the transaction carries from elsewhere (a
     * promotion's source) is an author here too.
     */
    static Optional<String> whyMayNotApprove(ReviewPolicyData policy, String caller, String openedBy,
                                             ReviewAuthors.Authors authors) {
        if (policy.selfApproval()) {
            return Optional.empty();
        }
        Optional<TransactionChange> own = authors.own().stream().filter(change -> change.actor().equals(caller)).findFirst();
        if (own.isPresent()) {
            return Optional.of(caller + " changed this transaction (" + own.get().describe() + ") and so may not"
                    + " approve it: the review policy asks for someone else's eyes.");
        }
        Optional<CarriedAuthors.Carried> carried = authors.carried().stream()
                .filter(author -> author.user().equals(caller)).findFirst();
        if (carried.isPresent()) {
            return Optional.of(caller + " made changes this transaction promotes (" + carried.get().source()
                    + ") and so may not approve it: the review policy asks for someone else's eyes.");
        }
        if (caller.equals(openedBy)) {
            return Optional.of(caller + " opened this review and so may not approve it: the review policy asks"
                    + " for someone else's eyes.");
        }
        return Optional.empty();
    }

    /**
     * Why the transaction may not commit under its current revision, in words; empty when it may.
     *
     * @param changesSince the users' changes since the revision (the revision is stale if any)
     */
    static List<String> whyNotCommittable(ReviewPolicyData policy, int revision, List<ReviewDecision> decisions,
                                          List<TransactionChange> changesSince) {
        List<String> reasons = new ArrayList<>();
        if (!changesSince.isEmpty()) {
            reasons.add("revision " + revision + " is stale: " + whoChanged(changesSince)
                    + "; open a new revision and have it approved");
        }
        ReviewData.Approvals approvals = approvals(policy, revision, decisions);
        if (approvals.approvedBy().size() < policy.approvalsRequired()) {
            reasons.add("needs " + approvalCount(policy.approvalsRequired()) + ", has " + approvals.approvedBy().size()
                    + (approvals.approvedBy().isEmpty() ? "" : " (" + String.join(", ", approvals.approvedBy()) + ")"));
        }
        if (policy.rejectionBlocks()) {
            standing(revision, decisions).values().stream().filter(d -> REJECT.equals(d.decision)).forEach(d ->
                    reasons.add("rejected by " + d.actor + (d.comment == null || d.comment.isBlank() ? "" : ": " + d.comment)));
        }
        return reasons;
    }

    /** "carol changed this transaction since (insert subnet '10.0.3.0/24' at 10:02:11 UTC)" */
    static String whoChanged(List<TransactionChange> changes) {
        List<String> actors = changes.stream().map(TransactionChange::actor).distinct().toList();
        int shown = Math.min(3, changes.size());
        return String.join(", ", actors) + " changed this transaction since (" + String.join("; ",
                changes.subList(0, shown).stream().map(TransactionChange::describe).toList())
                + (changes.size() > shown ? "; and more" : "") + ")";
    }

    static String approvalCount(int count) {
        return count + (count == 1 ? " approval" : " approvals");
    }
}
