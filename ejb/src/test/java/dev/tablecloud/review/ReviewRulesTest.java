package dev.tablecloud.review;

import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.transaction.ChangePosition;
import dev.tablecloud.transaction.PreviewRow;
import dev.tablecloud.transaction.TransactionChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewRulesTest {

    private static final ReviewPolicyData TWO = new ReviewPolicyData(2, false, true, "reviewer");
    private static final PreviewRow CREATE_VPC = new PreviewRow("create", "vpc", "1", "web",
            List.of("cidr_block: null → 10.0.0.0/16"));
    private static final PreviewRow CREATE_SUBNET = new PreviewRow("create", "subnet", "4", "10.0.3.0/24",
            List.of("cidr_block: null → 10.0.3.0/24"));
    private static final TransactionChange ALICES = new TransactionChange(17, "alice",
            Instant.parse("2026-12-01T10:02:11Z"), "INSERT", "vpc", "web");

    private static ReviewRevision revision(int number, List<PreviewRow> plan) {
        return new ReviewRevision(1, number, new Frozen(new ChangePosition(17, 1), plan,
                new TransactionSql(7L, null, List.of("INSERT INTO vpc …;"), List.of(), List.of()), "h" + number),
                "[]", "alice");
    }

    private static ReviewDecision decision(ReviewRevision revision, String actor, String decision, String comment) {
        return new ReviewDecision(1, revision, actor, decision, comment);
    }

    private static final ReviewAuthors.Authors ALICE_CHANGED = new ReviewAuthors.Authors(List.of(ALICES), List.of());

    @Test
    void nobodyApprovesATransactionTheyChangedOrAReviewTheyOpenedUnlessThePolicyAllowsIt() {
        assertThat(ReviewRules.whyMayNotApprove(TWO, "alice", "carol", ALICE_CHANGED))
                .hasValue("alice changed this transaction (insert vpc 'web' at 10:02:11 UTC) and so may not approve it:"
                        + " the review policy asks for someone else's eyes.");
        assertThat(ReviewRules.whyMayNotApprove(TWO, "carol", "carol", ALICE_CHANGED)).get().asString()
                .startsWith("carol opened this review and so may not approve it");
        assertThat(ReviewRules.whyMayNotApprove(TWO, "bob", "carol", ALICE_CHANGED)).isEmpty();
        assertThat(ReviewRules.whyMayNotApprove(new ReviewPolicyData(2, true, true, "reviewer"), "alice", "alice",
                ALICE_CHANGED)).isEmpty();
    }

    @Test
    void whoMadeThePromotedChangesInTheSourceMayNotApproveThemInTheTarget() {
        ReviewAuthors.Authors promoted = new ReviewAuthors.Authors(List.of(),
                List.of(new CarriedAuthors.Carried("bob", "transaction 12 of mycompany-staging")));

        assertThat(ReviewRules.whyMayNotApprove(TWO, "bob", "carol", promoted)).hasValue("bob made changes this"
                + " transaction promotes (transaction 12 of mycompany-staging) and so may not approve it: the review"
                + " policy asks for someone else's eyes.");
        assertThat(ReviewRules.whyMayNotApprove(TWO, "dave", "carol", promoted)).isEmpty();
    }

    @Test
    void eachReviewersLatestDecisionOnTheCurrentRevisionCounts() {
        ReviewRevision first = revision(1, List.of(CREATE_VPC));
        ReviewRevision second = revision(2, List.of(CREATE_VPC, CREATE_SUBNET));
        List<ReviewDecision> decisions = List.of(decision(first, "bob", "approve", null),
                decision(first, "carol", "approve", null), decision(second, "bob", "approve", null),
                decision(second, "dave", "reject", "overlaps the VPN"));

        assertThat(ReviewRules.whyNotCommittable(TWO, 1, decisions, List.of())).isEmpty();
        assertThat(ReviewRules.whyNotCommittable(TWO, 2, decisions, List.of()))
                .containsExactly("needs 2 approvals, has 1 (bob)", "rejected by dave: overlaps the VPN");
        assertThat(ReviewRules.whyNotCommittable(new ReviewPolicyData(1, false, false, "reviewer"), 2, decisions,
                List.of())).isEmpty();

        List<ReviewDecision> changedMind = List.of(decision(second, "dave", "reject", "no"),
                decision(second, "dave", "approve", "fine now"), decision(second, "bob", "approve", null));
        assertThat(ReviewRules.whyNotCommittable(TWO, 2, changedMind, List.of())).isEmpty();
    }

    @Test
    void aChangeSinceTheRevisionMakesItStaleNamingWhoChangedWhat() {
        ReviewRevision first = revision(1, List.of(CREATE_VPC));
        List<String> reasons = ReviewRules.whyNotCommittable(TWO, 1, List.of(decision(first, "bob", "approve", null),
                decision(first, "dave", "approve", null)), List.of(ALICES));
        assertThat(reasons).containsExactly("revision 1 is stale: alice changed this transaction since (insert vpc 'web'"
                + " at 10:02:11 UTC); open a new revision and have it approved");
    }

    @Test
    void aChangedPlanIsSummedUpInTheWordsOfTheDiff() {
        assertThat(PlanDifference.summary(2, List.of(CREATE_VPC), List.of(CREATE_VPC, CREATE_SUBNET), true))
                .isEqualTo("revision 2 covered 1 action, the plan now has 2 (+ create subnet 10.0.3.0/24)");
        PreviewRow renamed = new PreviewRow("update", "vpc", "1", "web", List.of("tags: {\"Name\":\"x\"} → {\"Name\":\"web\"}"));
        PreviewRow driftedRename = new PreviewRow("update", "vpc", "1", "web", List.of("tags: {\"Name\":\"y\"} → {\"Name\":\"web\"}"));
        assertThat(PlanDifference.between(List.of(renamed, CREATE_SUBNET), List.of(driftedRename)))
                .containsExactly("~ update vpc web (tags: {\"Name\":\"y\"} → {\"Name\":\"web\"})", "− create subnet 10.0.3.0/24");
        assertThat(PlanDifference.summary(1, List.of(CREATE_VPC), List.of(CREATE_VPC), true))
                .endsWith("and the SQL of the changes is not what was approved");
    }

    @Test
    void theHashBindsPlanAndSqlButNotTheOrderOfIndependentSteps() {
        String hash = ReviewHash.of(List.of(CREATE_VPC, CREATE_SUBNET), "INSERT INTO vpc …;\n");
        assertThat(ReviewHash.of(List.of(CREATE_SUBNET, CREATE_VPC), "INSERT INTO vpc …;\n")).isEqualTo(hash);
        assertThat(ReviewHash.of(List.of(CREATE_VPC), "INSERT INTO vpc …;\n")).isNotEqualTo(hash);
        assertThat(ReviewHash.of(List.of(CREATE_VPC, CREATE_SUBNET), "INSERT INTO vpc …;\nDELETE …;\n")).isNotEqualTo(hash);
        PreviewRow otherValue = new PreviewRow("create", "subnet", "4", "10.0.3.0/24", List.of("cidr_block: null → 10.0.4.0/24"));
        assertThat(ReviewHash.of(List.of(CREATE_VPC, otherValue), "INSERT INTO vpc …;\n")).isNotEqualTo(hash);
        // A tab or a newline inside a value cannot make two different plans read alike.
        PreviewRow tabbed = new PreviewRow("create", "vpc", "1", "web\tcidr_block: null → 10.0.0.0/16", List.of());
        assertThat(ReviewHash.of(List.of(tabbed), "")).isNotEqualTo(ReviewHash.of(List.of(CREATE_VPC), ""));
        assertThat(hash).hasSize(64);
    }

    @Test
    void commentsRenderAsMarkdownWithTheirHtmlEscaped() {
        assertThat(ReviewViews.html("**bold** <img src=x onerror=alert(1)> [x](javascript:alert(1))"))
                .contains("<strong>bold</strong>").contains("&lt;img").doesNotContain("<img")
                .doesNotContain("javascript:");
    }
}
