package dev.tablecloud.transaction;

import java.time.Instant;

/**
 * A transaction as the API shows it.
 *
 * @param error          the last failed commit's error while the transaction is OPEN again, else null
 * @param commitHash     the hash of the plan and SQL its commit applied (once a commit started)
 * @param commitReview   the review whose revision approved the commit, or null
 * @param commitRevision that revision's number, or null
 * @param commitOverride the reason an admin committed it without the approvals, or null
 */
public record TransactionData(long id, TransactionState state, String openedBy, Instant openedAt, String endedBy,
                              Instant endedAt, String error, String commitHash, Long commitReview,
                              Integer commitRevision, String commitOverride) {
}
