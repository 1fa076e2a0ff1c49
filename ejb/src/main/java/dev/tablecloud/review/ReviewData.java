package dev.tablecloud.review;

import dev.tablecloud.transaction.PreviewRow;

import java.time.Instant;
import java.util.List;

/**
 * A review as the API shows it.
 *
 * @param descriptionHtml       the description's markdown rendered, with any HTML in it escaped
 * @param stale                 whether someone changed the transaction since the current revision
 * @param changesSinceRevision  who changed what since it, newest last
 * @param committable           whether the policy lets the transaction commit now, as far as the
 *                              server knows without reading the cloud (a commit also compares the
 *                              live plan with the revision's)
 * @param notCommittableBecause why not, in words
 */
public record ReviewData(long id, String environment, long transactionId, String title, String description,
                         String descriptionHtml, String openedBy, Instant openedAt, String state, Instant closedAt,
                         ReviewPolicyData policy, int currentRevision, boolean stale, List<String> changesSinceRevision,
                         Approvals approvals, boolean committable, List<String> notCommittableBecause, List<Revision> revisions,
                         List<Decision> decisions, List<Comment> comments) {

    /** The standing of the current revision: "1 of 2". */
    public record Approvals(int required, List<String> approvedBy, List<String> rejectedBy) {
    }

    /**
     * @param changesSincePrevious who changed what between the previous revision and this one
     */
    public record Revision(int number, String hash, String createdBy, Instant createdAt, long auditPosition,
                           List<PreviewRow> plan, String sql, List<String> changesSincePrevious) {
    }

    /** @param counts whether it counts for the current revision (the actor's latest decision on it) */
    public record Decision(int revision, String actor, String decision, String comment, Instant decidedAt,
                           boolean counts) {
    }

    /**
     * @param text    markdown, as written
     * @param html    the markdown rendered, with any HTML in it escaped
     * @param planRow the plan line it is on, or null for the review as a whole
     */
    public record Comment(long id, int revision, String actor, String text, String html, PlanRowRef planRow,
                          Instant commentedAt) {
    }
}
