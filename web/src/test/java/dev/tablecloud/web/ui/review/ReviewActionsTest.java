package dev.tablecloud.web.ui.review;

import dev.tablecloud.review.DecisionRefusals;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewActionsTest {

    private static final String FOUR_EYES = "alice changed this transaction (insert vpc 'shop' at 10:02:11 UTC) and so"
            + " may not approve it: the review policy asks for someone else's eyes.";

    @Test
    void theEnginesRefusalOfAnApprovalDisablesApproveWithItsWordsAndLeavesRejectAlone() {
        ReviewActions actions = new ReviewActions(Reviews.open(false, List.of(), List.of("needs 2 approvals, has 0"),
                List.of()), new DecisionRefusals(1, FOUR_EYES, null), null);

        assertThat(actions.approve()).isEqualTo(ReviewActions.State.disabled(FOUR_EYES));
        assertThat(actions.reject().enabled()).isTrue();
    }

    @Test
    void commitWaitsForTheApprovalsWithTheEnginesReasonsAndOpensWhenCommittable() {
        ReviewActions waiting = new ReviewActions(Reviews.open(false, List.of("bob"), List.of("needs 2 approvals, has 1 (bob)"),
                List.of()), new DecisionRefusals(1, null, null), null);
        ReviewActions ready = new ReviewActions(Reviews.open(false, List.of("bob", "dave"), List.of(), List.of()),
                new DecisionRefusals(1, null, null), null);

        assertThat(waiting.commit()).isEqualTo(ReviewActions.State.disabled("Not yet: needs 2 approvals, has 1 (bob)."));
        assertThat(ready.commit().enabled()).isTrue();
    }

    @Test
    void withoutTheAuthorRoleCommitAndNewRevisionSayWhy() {
        String refusal = "bob may not freeze a new revision or commit the transaction: that needs the author role.";
        ReviewActions actions = new ReviewActions(Reviews.open(true, List.of(), List.of(), List.of()),
                new DecisionRefusals(1, null, null), refusal);

        assertThat(actions.commit()).isEqualTo(ReviewActions.State.disabled(refusal));
        assertThat(actions.newRevision()).isEqualTo(ReviewActions.State.disabled(refusal));
    }

    @Test
    void aClosedReviewSaysHowItClosed() {
        ReviewActions actions = new ReviewActions(Reviews.review("committed", false, List.of("bob"),
                List.of("the review is closed: its transaction was committed"), List.of()),
                new DecisionRefusals(1, "closed", "closed"), null);

        assertThat(actions.commit()).isEqualTo(ReviewActions.State.disabled(
                "The review is closed: its transaction was committed."));
        assertThat(actions.newRevision().enabled()).isFalse();
    }
}
