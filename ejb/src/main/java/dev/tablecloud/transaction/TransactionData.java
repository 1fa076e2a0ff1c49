package dev.tablecloud.transaction;

import java.time.Instant;

/**
 * A transaction as the API shows it.
 *
 * @param error the last failed commit's error while the transaction is OPEN again, else null
 */
public record TransactionData(long id, TransactionState state, String openedBy, Instant openedAt, String endedBy,
                              Instant endedAt, String error) {
}
