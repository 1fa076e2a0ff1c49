package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import dev.tablecloud.transaction.CommitProgressData;
import dev.tablecloud.transaction.CommitProgressData.State;
import dev.tablecloud.transaction.CommitProgressData.Step;
import dev.tablecloud.transaction.CommitProgressData.StepState;
import dev.tablecloud.transaction.CommitProgressData.Undo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CommitProgressTest {

    private final CommitProgress card = new CommitProgress();

    private static Step step(int index, String table, String name, StepState status, String message) {
        return new Step(index, "create", table, String.valueOf(index), name, status, message, null, null);
    }

    private static CommitProgressData progress(State state, String error, List<Undo> undo, Step... steps) {
        return CommitProgressData.of(12, 1, state, false, "alice", Instant.EPOCH, Instant.EPOCH, error, null,
                List.of(steps), undo);
    }

    private static String text(Element element) {
        return element.getTextRecursively();
    }

    private List<String> stepTexts() {
        return card.steps.getChildren().map(Component::getElement).map(CommitProgressTest::text).toList();
    }

    @Test
    void midCommitTheBarCountsTheEndedStepsAndNamesTheOnesRunning() {
        card.show(progress(State.APPLYING, null, List.of(),
                step(1, "vpc", "app", StepState.DONE, "created vpc-1"),
                step(2, "subnet", "10.1.1.0/24", StepState.RUNNING, null),
                step(3, "subnet", "10.1.2.0/24", StepState.PENDING, null)));

        assertThat(card.isVisible()).isTrue();
        assertThat(card.title.getText()).isEqualTo("Committing transaction 12");
        assertThat(card.bar.isIndeterminate()).isFalse();
        assertThat(card.bar.getMax()).isEqualTo(3);
        assertThat(card.bar.getValue()).isEqualTo(1);
        assertThat(card.count.getText()).isEqualTo("Steps 1 of 3 done");
        assertThat(card.running.getText()).isEqualTo("Running: create subnet 10.1.1.0/24");
        assertThat(stepTexts()).containsExactly("done create vpc app — created vpc-1",
                "running create subnet 10.1.1.0/24", "pending create subnet 10.1.2.0/24");
        assertThat(card.error.isVisible()).isFalse();
        assertThat(card.note.isVisible()).isFalse();
        assertThat(card.bar.getThemeNames()).isEmpty();
        assertThat(card.expectsMore()).isTrue();
    }

    @Test
    void aCommitThatReachedItsEndShowsEveryStepsOutcomeAndAFullBar() {
        card.show(progress(State.COMMITTED, null, List.of(),
                step(1, "vpc", "app", StepState.DONE, "created vpc-1"),
                step(2, "subnet", "10.1.1.0/24", StepState.DONE, "created subnet-2")));

        assertThat(card.title.getText()).isEqualTo("Transaction 12 committed");
        assertThat(card.count.getText()).isEqualTo("Steps 2 of 2 done");
        assertThat(card.bar.getValue()).isEqualTo(card.bar.getMax()).isEqualTo(2);
        assertThat(card.running.isVisible()).isFalse();
        assertThat(card.getClassNames()).contains("tc-commit-ok").doesNotContain("tc-commit-running-state");
        assertThat(card.bar.getThemeNames()).containsExactly("success");
        assertThat(card.expectsMore()).isFalse();
    }

    @Test
    void aRefusedCommitShowsTheCloudsMessageTheUndoAndThatTheRowsAreKept() {
        String refusal = "Step 2 (create subnet 10.1.9.0/24) failed: CreateSubnet was refused: The CIDR '10.1.9.0/24' is invalid.";
        card.show(progress(State.FAILED, refusal, List.of(new Undo(1, true, "deleted vpc-1 again"),
                        new Undo(3, false, "cannot be undone: old was deleted")),
                step(1, "vpc", "app", StepState.UNDONE, "created vpc-1"),
                step(2, "subnet", "10.1.9.0/24", StepState.FAILED, "CreateSubnet was refused: The CIDR '10.1.9.0/24' is invalid.")));

        assertThat(card.title.getText()).isEqualTo("Commit of transaction 12 failed");
        assertThat(card.error.isVisible()).isTrue();
        assertThat(card.error.getText()).isEqualTo(refusal);
        assertThat(card.count.getText()).isEqualTo("Steps 2 of 2 ended");
        assertThat(card.undo.isVisible()).isTrue();
        assertThat(text(card.undo.getElement())).contains("Undo", "undone step 1: deleted vpc-1 again",
                "not undone step 3: cannot be undone: old was deleted");
        assertThat(card.note.getText()).contains("open again", "rows are as you left them");
        assertThat(card.getClassNames()).contains("tc-commit-failed");
        assertThat(card.bar.getThemeNames()).containsExactly("error");
        assertThat(card.steps.getChildren().map(item -> item.getElement().getAttribute("class"))
                .collect(Collectors.toList())).containsExactly("tc-commit-step-undone", "tc-commit-step-failed");
    }

    @Test
    void whileThePlanIsMadeTheBarHasNoEndYetAndARefusalAppliesNothing() {
        card.starting();
        assertThat(card.isVisible()).isTrue();
        assertThat(card.bar.isIndeterminate()).isTrue();
        assertThat(card.expectsMore()).as("the server has not recorded the attempt yet").isTrue();

        card.show(progress(State.PLANNING, null, List.of()));
        assertThat(card.bar.isIndeterminate()).isTrue();
        assertThat(card.count.getText()).isEqualTo("Reading the cloud and making the plan");

        card.show(progress(State.REFUSED, "2 approvals are required; it has 0.", List.of()));
        assertThat(card.bar.isIndeterminate()).isFalse();
        assertThat(card.title.getText()).isEqualTo("Commit of transaction 12 refused");
        assertThat(card.count.getText()).isEqualTo("Nothing was applied");
        assertThat(card.error.getText()).isEqualTo("2 approvals are required; it has 0.");
        assertThat(card.expectsMore()).isFalse();

        card.hide();
        assertThat(card.isVisible()).isFalse();
        assertThat(card.shown()).isNull();
    }
}
