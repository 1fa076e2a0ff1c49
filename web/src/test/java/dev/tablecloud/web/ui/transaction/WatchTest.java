package dev.tablecloud.web.ui.transaction;

import dev.tablecloud.transaction.ChangePosition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchTest {

    @Test
    void movesWhenARowChangesOrTheTransactionEnds() {
        Watch shown = watch(4L, "OPEN", new ChangePosition(10, 2));

        assertThat(watch(4L, "OPEN", new ChangePosition(10, 2)).movedSince(shown)).isFalse();
        assertThat(watch(4L, "OPEN", new ChangePosition(12, 3)).movedSince(shown)).isTrue();
        assertThat(watch(4L, "OPEN", new ChangePosition(10, 3)).movedSince(shown))
                .as("a change that committed late, below the last id seen").isTrue();
        assertThat(watch(4L, "COMMITTING", new ChangePosition(10, 2)).movedSince(shown)).isTrue();
        assertThat(watch(null, null, null).movedSince(shown)).isTrue();
        assertThat(watch(null, null, null).movedSince(watch(null, null, null))).isFalse();
    }

    @Test
    void movesWhenTheReviewPolicySaysOtherwiseOfACommit() {
        Watch waiting = new Watch(4L, "OPEN", new ChangePosition(10, 2), List.of("needs 1 approval, has 0"));

        assertThat(new Watch(4L, "OPEN", new ChangePosition(10, 2), List.of()).movedSince(waiting))
                .as("someone approved").isTrue();
        assertThat(new Watch(4L, "OPEN", new ChangePosition(10, 2), List.of("needs 1 approval, has 0"))
                .movedSince(waiting)).isFalse();
    }

    private static Watch watch(Long id, String state, ChangePosition position) {
        return new Watch(id, state, position, List.of());
    }
}
