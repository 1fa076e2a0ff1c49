package dev.tablecloud.web.ui.transaction;

import dev.tablecloud.transaction.ChangePosition;
import dev.tablecloud.transaction.TransactionData;

import java.util.List;
import java.util.Optional;

/**
 * What the transaction page last showed, to tell whether anything moved since: another transaction
 * or state, a row changed by anyone (the audit position), or what the review policy says of a
 * commit (someone approved).
 */
record Watch(Long transactionId, String state, ChangePosition position, List<String> commitRefusals) {

    static Watch of(Optional<TransactionData> current, ChangePosition position) {
        return of(current, position, List.of());
    }

    static Watch of(Optional<TransactionData> current, ChangePosition position, List<String> commitRefusals) {
        return new Watch(current.map(TransactionData::id).orElse(null),
                current.map(transaction -> transaction.state().name()).orElse(null), position, commitRefusals);
    }

    boolean movedSince(Watch before) {
        if (before == null) {
            return true;
        }
        if (!java.util.Objects.equals(transactionId, before.transactionId) || !java.util.Objects.equals(state, before.state)
                || !commitRefusals.equals(before.commitRefusals)) {
            return true;
        }
        if (position == null || before.position == null) {
            return position != before.position;
        }
        return before.position.isBefore(position);
    }
}
