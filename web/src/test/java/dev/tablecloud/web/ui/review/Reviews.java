package dev.tablecloud.web.ui.review;

import dev.tablecloud.review.PlanRowRef;
import dev.tablecloud.review.ReviewData;
import dev.tablecloud.review.ReviewPolicyData;
import dev.tablecloud.transaction.PreviewRow;

import java.time.Instant;
import java.util.List;

/** Reviews as the engine answers them, for the component tests. */
final class Reviews {

    static final Instant AT = Instant.parse("2026-12-01T10:02:11Z");
    static final PreviewRow VPC = new PreviewRow("create", "vpc", "1", "shop", List.of("cidr_block: 10.0.0.0/16"));
    static final PreviewRow SUBNET = new PreviewRow("create", "subnet", "2", "10.0.1.0/24",
            List.of("cidr_block: 10.0.1.0/24"));

    private Reviews() {
    }

    static ReviewData open(boolean stale, List<String> approvedBy, List<String> notCommittableBecause,
                           List<ReviewData.Comment> comments) {
        return review("open", stale, approvedBy, notCommittableBecause, comments);
    }

    static ReviewData review(String state, boolean stale, List<String> approvedBy, List<String> notCommittableBecause,
                             List<ReviewData.Comment> comments) {
        ReviewData.Revision revision = new ReviewData.Revision(1, "abcdef0123456789", "alice", AT, 42,
                List.of(VPC, SUBNET), "INSERT INTO vpc (cidr_block) VALUES ('10.0.0.0/16');", List.of());
        return new ReviewData(7, "staging", 3, "Add the shop VPC", "Needed for the **sale**.",
                "<p>Needed for the <strong>sale</strong>.</p>\n", "alice", AT, state, null,
                new ReviewPolicyData(2, false, true, "reviewer"), 1, stale,
                stale ? List.of("carol: insert vpc 'extra' at 10:05:00 UTC") : List.of(),
                new ReviewData.Approvals(2, approvedBy, List.of()), notCommittableBecause.isEmpty(),
                notCommittableBecause, List.of(revision),
                approvedBy.stream().map(actor -> new ReviewData.Decision(1, actor, "approve", "ok", AT, true)).toList(),
                comments);
    }

    static ReviewData.Comment comment(String actor, String text, PlanRowRef line) {
        return new ReviewData.Comment(1, 1, actor, text, "<p>" + text + "</p>\n", line, AT);
    }
}
