package dev.tablecloud.review;

import java.time.Instant;

/** A review in a list: enough to pick it. */
public record ReviewSummary(long id, String environment, long transactionId, String title, String openedBy,
                            Instant openedAt, String state, int currentRevision, String approvals) {
}
