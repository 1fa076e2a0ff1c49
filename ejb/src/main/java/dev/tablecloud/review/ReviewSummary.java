package dev.tablecloud.review;

import java.time.Instant;

/**
 * A review in a list: enough to pick it.
 *
 * @param closedAt when its transaction was committed or rolled back, or null while it is open
 */
public record ReviewSummary(long id, String environment, long transactionId, String title, String openedBy,
                            Instant openedAt, String state, int currentRevision, String approvals, Instant closedAt) {
}
