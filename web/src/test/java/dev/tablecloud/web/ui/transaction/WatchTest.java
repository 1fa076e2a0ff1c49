package dev.tablecloud.web.ui.transaction;

import dev.tablecloud.transaction.ChangePosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatchTest {

    @Test
    void movesWhenARowChangesOrTheTransactionEnds() {
        Watch shown = new Watch(4L, "OPEN", new ChangePosition(10, 2));

        assertThat(new Watch(4L, "OPEN", new ChangePosition(10, 2)).movedSince(shown)).isFalse();
        assertThat(new Watch(4L, "OPEN", new ChangePosition(12, 3)).movedSince(shown)).isTrue();
        assertThat(new Watch(4L, "OPEN", new ChangePosition(10, 3)).movedSince(shown))
                .as("a change that committed late, below the last id seen").isTrue();
        assertThat(new Watch(4L, "COMMITTING", new ChangePosition(10, 2)).movedSince(shown)).isTrue();
        assertThat(new Watch(null, null, null).movedSince(shown)).isTrue();
        assertThat(new Watch(null, null, null).movedSince(new Watch(null, null, null))).isFalse();
    }
}
