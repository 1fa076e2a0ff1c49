package dev.tablecloud.web.ui.transaction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommitOverrideTest {

    private final List<String> commits = new ArrayList<>();
    private final CommitOverride override = new CommitOverride(commits::add);

    @Test
    void anAdminIsOfferedTheOverrideOnlyWhileTheReviewHoldsTheCommit() {
        override.show(List.of("1 approval of revision 1 is missing"), true, true);
        assertThat(override.isVisible()).isTrue();
        assertThat(override.held.getText()).contains("1 approval of revision 1 is missing");

        override.show(List.of(), true, true);
        assertThat(override.isVisible()).as("nothing to override").isFalse();
    }

    @Test
    void othersAndClosedTransactionsAreNotOfferedIt() {
        override.show(List.of("1 approval of revision 1 is missing"), false, true);
        assertThat(override.isVisible()).isFalse();
        override.show(List.of("1 approval of revision 1 is missing"), true, false);
        assertThat(override.isVisible()).isFalse();
    }

    @Test
    void noReasonNoCommit() {
        override.reason.setValue("   ");
        override.confirm.click();
        assertThat(commits).isEmpty();
        assertThat(override.reason.isInvalid()).isTrue();

        override.reason.setValue("  Outage: the on-call reviewer is unreachable  ");
        override.confirm.click();
        assertThat(commits).containsExactly("Outage: the on-call reviewer is unreachable");
    }
}
