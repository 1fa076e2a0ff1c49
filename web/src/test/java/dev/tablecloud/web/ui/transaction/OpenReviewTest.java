package dev.tablecloud.web.ui.transaction;

import dev.tablecloud.review.ReviewSummary;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OpenReviewTest {

    private final OpenReview openReview = new OpenReview(null, null);

    @Test
    void anOpenTransactionWithoutAReviewOffersToOpenOne() {
        openReview.show(Optional.of(transaction(TransactionState.OPEN)), Optional.empty(), null);

        assertThat(openReview.open.isVisible()).isTrue();
        assertThat(openReview.open.isEnabled()).isTrue();
        assertThat(openReview.link.isVisible()).isFalse();
    }

    @Test
    void onceAReviewIsOpenTheButtonGivesWayToItsLink() {
        ReviewSummary review = new ReviewSummary(12, "staging", 4, "Add the shop VPC", "alice", Instant.EPOCH, "open", 1,
                "0 of 1", null);
        openReview.show(Optional.of(transaction(TransactionState.OPEN)), Optional.of(review), null);

        assertThat(openReview.open.isVisible()).isFalse();
        assertThat(openReview.link.isVisible()).isTrue();
        assertThat(openReview.link.getHref()).isEqualTo("reviews/12");
        assertThat(openReview.link.getText()).isEqualTo("Review 12: Add the shop VPC · approvals 0 of 1");
    }

    @Test
    void withoutAnOpenTransactionOrTheRoleTheButtonSaysWhy() {
        openReview.show(Optional.empty(), Optional.empty(), "No transaction is open in environment 'staging': begin one first.");
        assertThat(openReview.open.isEnabled()).isFalse();
        assertThat(openReview.open.getTooltip().getText()).contains("No transaction is open");
    }

    private static TransactionData transaction(TransactionState state) {
        return new TransactionData(4, state, "alice", Instant.EPOCH, null, null, null, null, null, null, null);
    }
}
