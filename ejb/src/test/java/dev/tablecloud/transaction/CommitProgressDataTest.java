package dev.tablecloud.transaction;

import dev.tablecloud.transaction.CommitProgressData.State;
import dev.tablecloud.transaction.CommitProgressData.Step;
import dev.tablecloud.transaction.CommitProgressData.StepState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts a progress bar shows follow from the steps as kept. */
class CommitProgressDataTest {

    private static Step step(int index, StepState status) {
        return new Step(index, "create", "vpc", String.valueOf(index), "app-" + index, status, null, null, null);
    }

    private static CommitProgressData progress(State state, Step... steps) {
        return CommitProgressData.of(7, 1, state, false, "alice", Instant.EPOCH, Instant.EPOCH, null, null,
                List.of(steps), List.of());
    }

    @Test
    void doneCountsEveryEndedStepWhateverItsOutcomeAndRunningListsTheStepsCallingTheCloud() {
        CommitProgressData progress = progress(State.APPLYING, step(1, StepState.DONE), step(2, StepState.RUNNING),
                step(3, StepState.RUNNING), step(4, StepState.PENDING), step(5, StepState.FAILED),
                step(6, StepState.NOT_RUN));

        assertThat(progress.total()).isEqualTo(6);
        assertThat(progress.done()).isEqualTo(3);
        assertThat(progress.running()).extracting(Step::index).containsExactly(2, 3);
        assertThat(progress.finished()).isFalse();
    }

    @Test
    void aCommitIsOverOnceCommittedFailedOrRefusedAndNotBefore() {
        assertThat(List.of(State.values())).filteredOn(State::finished)
                .containsExactly(State.COMMITTED, State.FAILED, State.REFUSED);
        CommitProgressData committed = progress(State.COMMITTED, step(1, StepState.DONE), step(2, StepState.DONE));
        assertThat(committed.done()).isEqualTo(committed.total()).isEqualTo(2);
        assertThat(committed.running()).isEmpty();
        assertThat(committed.finished()).isTrue();
    }

    @Test
    void aPlanStillBeingMadeHasNoStepsYet() {
        CommitProgressData planning = progress(State.PLANNING);

        assertThat(planning.total()).isZero();
        assertThat(planning.done()).isZero();
        assertThat(planning.finished()).isFalse();
    }
}
