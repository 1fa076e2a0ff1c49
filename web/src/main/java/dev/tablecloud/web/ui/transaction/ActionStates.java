package dev.tablecloud.web.ui.transaction;

import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionState;

import java.util.List;
import java.util.Optional;

/**
 * Which of begin, preview, commit and roll back a user may press now, and why not: the role the
 * engine would ask for first (its own refusal text), then the transaction's state.
 *
 * @param roleRefusal    the engine's refusal of the author role for this user, or null when they hold it
 * @param reviewRefusals why the review policy would refuse the commit now (the engine's forecast), or none
 */
record ActionStates(String environment, String roleRefusal, Optional<TransactionData> current,
                    List<String> reviewRefusals) {

    ActionStates(String environment, String roleRefusal, Optional<TransactionData> current) {
        this(environment, roleRefusal, current, List.of());
    }

    /** Enabled, or disabled with the reason shown beside it. */
    record State(boolean enabled, String reason) {
        static final State ENABLED = new State(true, null);

        static State disabled(String reason) {
            return new State(false, reason);
        }
    }

    State begin() {
        if (roleRefusal != null) {
            return State.disabled(roleRefusal);
        }
        return current.map(open -> State.disabled("Transaction " + open.id() + " is already "
                        + (open.state() == TransactionState.OPEN ? "open" : "being committed") + " (opened by "
                        + open.openedBy() + "): commit or roll it back before beginning another."))
                .orElse(State.ENABLED);
    }

    State preview() {
        return whileOpen();
    }

    State commit() {
        State open = whileOpen();
        if (!open.enabled() || reviewRefusals.isEmpty()) {
            return open;
        }
        return State.disabled("Not yet: " + String.join("; ", reviewRefusals) + ".");
    }

    State rollback() {
        return whileOpen();
    }

    /** Open, and the user holds the author role: what every action on the transaction needs first. */
    State whileOpen() {
        if (roleRefusal != null) {
            return State.disabled(roleRefusal);
        }
        if (current.isEmpty()) {
            return State.disabled("No transaction is open in environment '" + environment + "': begin one first.");
        }
        if (current.get().state() == TransactionState.COMMITTING) {
            return State.disabled("Commit in progress: transaction " + current.get().id() + " of environment '"
                    + environment + "' is being committed or rolled back.");
        }
        return State.ENABLED;
    }
}
