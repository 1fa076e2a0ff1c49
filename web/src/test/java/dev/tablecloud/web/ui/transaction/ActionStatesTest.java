package dev.tablecloud.web.ui.transaction;

import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActionStatesTest {

    private static TransactionData transaction(TransactionState state) {
        return new TransactionData(7, state, "alice", Instant.parse("2026-12-01T10:00:00Z"), null, null, null, null,
                null, null, null);
    }

    @Test
    void withNoTransactionOnlyBeginIsEnabledAndTheOthersSayWhy() {
        ActionStates states = new ActionStates("staging", null, Optional.empty());

        assertThat(states.begin().enabled()).isTrue();
        assertThat(states.commit().enabled()).isFalse();
        assertThat(states.commit().reason()).isEqualTo("No transaction is open in environment 'staging': begin one first.");
        assertThat(states.rollback().enabled()).isFalse();
        assertThat(states.preview().enabled()).isFalse();
    }

    @Test
    void anOpenTransactionCanBeCommittedNotBegunAgain() {
        ActionStates states = new ActionStates("staging", null, Optional.of(transaction(TransactionState.OPEN)));

        assertThat(states.commit().enabled()).isTrue();
        assertThat(states.rollback().enabled()).isTrue();
        assertThat(states.begin().enabled()).isFalse();
        assertThat(states.begin().reason()).contains("Transaction 7 is already open (opened by alice)");
    }

    @Test
    void aCommitInProgressDisablesEverything() {
        ActionStates states = new ActionStates("staging", null, Optional.of(transaction(TransactionState.COMMITTING)));

        assertThat(states.commit().enabled()).isFalse();
        assertThat(states.commit().reason()).startsWith("Commit in progress: transaction 7");
        assertThat(states.begin().enabled()).isFalse();
    }

    @Test
    void aViewerSeesTheEnginesRefusalOnEveryButton() {
        String refusal = "bob may not change rows: that needs the author role in environment 'staging'. An admin can grant it.";
        ActionStates states = new ActionStates("staging", refusal, Optional.of(transaction(TransactionState.OPEN)));

        assertThat(states.begin().reason()).isEqualTo(refusal);
        assertThat(states.commit().reason()).isEqualTo(refusal);
        assertThat(states.rollback().enabled()).isFalse();
        assertThat(states.preview().enabled()).isFalse();
    }

    @Test
    void aCommitThePolicyWouldRefuseIsDisabledWithItsReasonsWhileRollbackAndPreviewStay() {
        ActionStates states = new ActionStates("staging", null, Optional.of(transaction(TransactionState.OPEN)),
                List.of("needs 1 approval, has 0"));

        assertThat(states.commit().enabled()).isFalse();
        assertThat(states.commit().reason()).isEqualTo("Not yet: needs 1 approval, has 0.");
        assertThat(states.preview().enabled()).isTrue();
        assertThat(states.rollback().enabled()).isTrue();
    }
}
