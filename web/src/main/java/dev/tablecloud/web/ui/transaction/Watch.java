package dev.tablecloud.web.ui.transaction;

import dev.tablecloud.transaction.ChangePosition;
import dev.tablecloud.transaction.TransactionData;

import java.util.Optional;

/**
 * What the transaction page last showed, to tell whether anything moved since: another transaction
 * or state, or a row changed by anyone (the audit position).
 */
record Watch(Long transactionId, String state, ChangePosition position) {

    static Watch of(Optional<TransactionData> current, ChangePosition position) {
        return new Watch(current.map(TransactionData::id).orElse(null),
                current.map(transaction -> transaction.state().name()).orElse(null), position);
    }

    boolean movedSince(Watch before) {
        if (before == null) {
            return true;
        }
        if (!java.util.Objects.equals(transactionId, before.transactionId) || !java.util.Objects.equals(state, before.state)) {
            return true;
        }
        if (position == null || before.position == null) {
            return position != before.position;
        }
        return before.position.isBefore(position);
    }
}
