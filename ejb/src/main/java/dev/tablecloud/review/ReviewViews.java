package dev.tablecloud.review;

import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.transaction.TransactionChange;
import dev.tablecloud.transaction.TransactionService;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.Map;

/** Reviews as the API shows them, read from the control database and the transaction's audit log. */
final class ReviewViews {

    private static final int CHANGES_LISTED = 20;
    private static final Parser MARKDOWN = Parser.builder().build();
    /** Comments are markdown, shown to others: any HTML in them is shown as text, links are checked. */
    private static final HtmlRenderer SAFE_HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final ReviewStore store;
    private final TransactionService transactions;

    ReviewViews(ReviewStore store, TransactionService transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    ReviewData data(Review review) {
        ReviewPolicyData policy = store.policy(review.environmentName);
        List<ReviewRevision> revisions = store.revisions(review);
        ReviewRevision current = revisions.get(revisions.size() - 1);
        List<ReviewDecision> decisions = store.decisions(review);
        List<TransactionChange> since = review.isOpen() ? transactions.changesAfter(review.environmentName,
                review.transactionId, current.auditPosition, CHANGES_LISTED) : List.of();
        List<String> reasons = review.isOpen() ? ReviewRules.whyNotCommittable(policy, current.number, decisions, since)
                : List.of("the review is closed: its transaction was " + review.state.replace('_', ' '));
        Map<String, ReviewDecision> standing = ReviewRules.standing(current.number, decisions);
        return new ReviewData(review.id, review.environmentName, review.transactionId, review.title,
                review.description, html(review.description), review.openedBy, review.openedAt, review.state, review.closedAt, policy,
                current.number, !since.isEmpty(), since.stream().map(c -> c.actor() + ": " + c.describe()).toList(),
                ReviewRules.approvals(policy, current.number, decisions), reasons.isEmpty(), reasons,
                revisions.stream().map(ReviewViews::revision).toList(),
                decisions.stream().map(d -> new ReviewData.Decision(d.revision, d.actor, d.decision, d.comment,
                        d.decidedAt, review.isOpen() && standing.get(d.actor) == d)).toList(),
                store.comments(review).stream().map(ReviewViews::comment).toList());
    }

    ReviewSummary summary(Review review) {
        ReviewPolicyData policy = store.policy(review.environmentName);
        ReviewRevision current = store.current(review);
        ReviewData.Approvals approvals = ReviewRules.approvals(policy, current.number, store.decisions(review));
        return new ReviewSummary(review.id, review.environmentName, review.transactionId, review.title,
                review.openedBy, review.openedAt, review.state, current.number,
                approvals.approvedBy().size() + " of " + policy.approvalsRequired(), review.closedAt);
    }

    private static ReviewData.Revision revision(ReviewRevision revision) {
        return new ReviewData.Revision(revision.number, revision.hash, revision.createdBy, revision.createdAt,
                revision.auditPosition, PlanRows.fromJson(revision.plan), revision.sqlText,
                changesFromJson(revision.changesSince));
    }

    private static ReviewData.Comment comment(ReviewComment comment) {
        return new ReviewData.Comment(comment.id, comment.revision, comment.actor, comment.text, html(comment.text),
                comment.planAction == null ? null : new PlanRowRef(comment.planAction, comment.planTable, comment.planRowId),
                comment.commentedAt);
    }

    static String html(String markdown) {
        return SAFE_HTML.render(MARKDOWN.parse(markdown));
    }

    static void requireOpen(Review review) {
        if (!review.isOpen()) {
            throw closed(review);
        }
    }

    static ConflictException closed(Review review) {
        return new ConflictException("Review " + review.id + " is closed: its transaction " + review.transactionId
                + " was " + review.state.replace('_', ' ') + " at " + review.closedAt + ".");
    }

    /** Who changed what, as kept with a revision: "carol: insert subnet '10.0.3.0/24' at 10:02:11 UTC". */
    static String changesJson(List<TransactionChange> changes) {
        JsonArrayBuilder lines = JsonDocuments.PROVIDER.createArrayBuilder();
        changes.forEach(change -> lines.add(change.actor() + ": " + change.describe()));
        return lines.build().toString();
    }

    static List<String> changesFromJson(String json) {
        return JsonDocuments.parse(json).asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }
}
