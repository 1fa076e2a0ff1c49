package dev.tablecloud.web.ui.review;

import dev.tablecloud.transaction.ChangePosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewWatchTest {

    private final ReviewWatch shown = new ReviewWatch(10, new ChangePosition(100, 2));

    @Test
    void aRowChangedByAnyoneMovesIt() {
        assertThat(new ReviewWatch(10, new ChangePosition(101, 3)).movedSince(shown)).isTrue();
        // A change that committed late carries a lower audit id: only the count shows it.
        assertThat(new ReviewWatch(10, new ChangePosition(100, 3)).movedSince(shown)).isTrue();
    }

    @Test
    void aDecisionCommentOrRevisionMovesIt() {
        assertThat(new ReviewWatch(11, new ChangePosition(100, 2)).movedSince(shown)).isTrue();
    }

    @Test
    void nothingNewIsNoMove() {
        assertThat(new ReviewWatch(10, new ChangePosition(100, 2)).movedSince(shown)).isFalse();
        assertThat(new ReviewWatch(12, null).movedSince(new ReviewWatch(12, null))).isFalse();
    }

    @Test
    void theClosingMovesItAndTheFirstLookAlwaysDoes() {
        assertThat(new ReviewWatch(10, null).movedSince(shown)).isTrue();
        assertThat(shown.movedSince(null)).isTrue();
    }
}
