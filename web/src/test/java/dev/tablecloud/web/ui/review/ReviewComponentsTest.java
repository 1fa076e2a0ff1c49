package dev.tablecloud.web.ui.review;

import com.vaadin.flow.dom.Element;
import dev.tablecloud.review.DecisionRefusals;
import dev.tablecloud.review.PlanRowRef;
import dev.tablecloud.review.ReviewData;
import dev.tablecloud.review.ReviewSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewComponentsTest {

    private static final String FOUR_EYES = "alice opened this review and so may not approve it: the review policy"
            + " asks for someone else's eyes.";

    @Test
    void theStaleBannerListsWhoChangedWhatAndOffersTheNewRevision() {
        StaleBanner banner = new StaleBanner();
        banner.show(Reviews.open(true, List.of(), List.of("revision 1 is stale"), List.of()), ReviewActions.State.ENABLED);

        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getElement().getTextRecursively()).contains("Revision 1 is stale",
                "carol: insert vpc 'extra' at 10:05:00 UTC");
        assertThat(banner.newRevision.isEnabled()).isTrue();

        banner.show(Reviews.open(false, List.of(), List.of(), List.of()), ReviewActions.State.ENABLED);
        assertThat(banner.isVisible()).isFalse();
    }

    @Test
    void theDecisionPanelCountsApprovalsAgainstThePolicyAndShowsApproveDisabledWithTheReason() {
        DecisionPanel panel = new DecisionPanel();
        ReviewData review = Reviews.open(false, List.of("bob"), List.of("needs 2 approvals, has 1 (bob)"), List.of());
        panel.show(review, new ReviewActions(review, new DecisionRefusals(1, FOUR_EYES, null), null));

        assertThat(panel.standing.getText()).isEqualTo("1 of 2 approvals on revision 1");
        assertThat(panel.decisions.getElement().getTextRecursively()).contains("approved", "bob");
        assertThat(panel.approve.isEnabled()).isFalse();
        assertThat(panel.approve.isVisible()).isTrue();
        assertThat(panel.approveReason.getText()).isEqualTo(FOUR_EYES);
        assertThat(panel.approveReason.isVisible()).isTrue();
        assertThat(panel.reject.isEnabled()).isTrue();
        assertThat(panel.rejectReason.isVisible()).isFalse();
        assertThat(panel.commit.isEnabled()).isFalse();
        assertThat(panel.commitReason.getText()).isEqualTo("Not yet: needs 2 approvals, has 1 (bob).");
    }

    @Test
    void aRoleThatRefusesBothDecisionsIsSaidOnce() {
        DecisionPanel panel = new DecisionPanel();
        ReviewData review = Reviews.open(false, List.of(), List.of("needs 2 approvals, has 0"), List.of());
        String role = "vic may not approve or reject reviews: that needs the reviewer role in environment 'staging'.";
        panel.show(review, new ReviewActions(review, new DecisionRefusals(1, role, role), null));

        assertThat(panel.approve.isEnabled()).isFalse();
        assertThat(panel.reject.isEnabled()).isFalse();
        assertThat(panel.approveReason.getText()).isEqualTo(role);
        assertThat(panel.rejectReason.isVisible()).isFalse();
        assertThat(panel.comment.isEnabled()).isFalse();
    }

    @Test
    void aLineCommentSitsUnderItsLineAndEveryLineOffersOne() {
        ReviewPlan plan = new ReviewPlan(table -> java.util.Set.of());
        PlanRowRef vpcLine = new PlanRowRef("create", "vpc", "1");
        ReviewData review = Reviews.open(false, List.of(), List.of(), List.of(
                Reviews.comment("bob", "Is 10.0/16 free?", vpcLine), Reviews.comment("bob", "Overall fine", null)));
        plan.show(review.revisions().get(0), review.comments(), true);

        List<Element> blocks = descendants(plan.getElement())
                .filter(e -> e.getAttribute("data-line") != null).toList();
        assertThat(blocks).extracting(e -> e.getAttribute("data-line")).containsExactly("create-vpc-1", "create-subnet-2");
        assertThat(shown(blocks.get(0))).contains("bob", "Is 10.0/16 free?", "Comment on this line")
                .doesNotContain("Overall fine");
        assertThat(shown(blocks.get(1))).doesNotContain("Is 10.0/16 free?");

        plan.show(review.revisions().get(0), review.comments(), false);
        assertThat(plan.getElement().getTextRecursively()).doesNotContain("Comment on this line");
    }

    @Test
    void theThreadNamesTheLineAComment() {
        CommentThread thread = new CommentThread();
        thread.show(List.of(Reviews.comment("bob", "Is it free?", new PlanRowRef("create", "vpc", "1"))), null);

        assertThat(shown(thread.entries.getElement())).contains("bob", "revision 1", "on create vpc row 1", "<p>Is it free?</p>");
        assertThat(thread.post.isEnabled()).isTrue();

        thread.show(List.of(), "vic may not comment on reviews in environment 'staging'.");
        assertThat(thread.entries.getElement().getTextRecursively()).isEqualTo("No comments yet.");
        assertThat(thread.post.isEnabled()).isFalse();
        assertThat(thread.reason.getText()).contains("vic may not comment");
    }

    @Test
    void anInboxLineSaysWhereWhoAndHowFarOrHowItClosed() {
        ReviewSummary open = new ReviewSummary(7, "staging", 3, "Add the shop VPC", "alice", Reviews.AT, "open", 2,
                "1 of 2", null);
        ReviewSummary closed = new ReviewSummary(6, "prod", 2, "Old", "bob", Reviews.AT, "rolled_back", 1, "0 of 1",
                Reviews.AT.plusSeconds(60));

        assertThat(ReviewList.line(open)).isEqualTo("staging · transaction 3 · opened by alice at 2026-12-01 10:02:11 UTC"
                + " · revision 2 · 1 of 2 approvals");
        assertThat(ReviewList.line(closed)).endsWith("rolled back at 2026-12-01 10:03:11 UTC");
        ReviewList list = new ReviewList("waiting", "Waiting for me", "Nothing waits for your decision.");
        list.show(List.of());
        assertThat(list.getElement().getTextRecursively()).contains("Nothing waits for your decision.");
        list.show(List.of(open));
        assertThat(list.getElement().getTextRecursively()).contains("#7 Add the shop VPC");
    }

    @Test
    void theRevisionPickerNamesTheCurrentOne() {
        assertThat(ReviewView.revisionLabel(Reviews.open(false, List.of(), List.of(), List.of()), 1))
                .isEqualTo("Revision 1 · 2 actions · current");
    }

    /** The text of the element and the HTML of the comments in it (an Html component's is a property). */
    private static String shown(Element element) {
        return descendants(element).map(e -> e.isTextNode() ? e.getText() : e.getProperty("innerHTML", ""))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static Stream<Element> descendants(Element element) {
        return Stream.concat(Stream.of(element), element.getChildren().flatMap(ReviewComponentsTest::descendants));
    }
}
