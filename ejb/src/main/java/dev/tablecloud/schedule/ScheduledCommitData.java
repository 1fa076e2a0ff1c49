package dev.tablecloud.schedule;

import java.time.Instant;

/**
 * A scheduled commit as the outside sees it.
 *
 * @param mode    {@value #AT} (at the time the requester chose) or {@value #NEXT_WINDOW}
 * @param dueAt   when it runs next: for a window, the moment the window opens
 * @param state   scheduled, running, committed, failed (the cloud refused; the transaction is open
 *                again), refused (the review gate or a freeze refused it), cancelled, or abandoned
 *                (its transaction ended otherwise)
 * @param message the outcome in words, or what moved it (a missed window), or null
 */
public record ScheduledCommitData(long id, String environment, long transactionId, String mode, Instant dueAt,
                                  String requestedBy, Instant requestedAt, String state, String node,
                                  Instant startedAt, Instant finishedAt, String message) {

    public static final String AT = "at";
    public static final String NEXT_WINDOW = "next-window";
    public static final String SCHEDULED = "scheduled";
    public static final String RUNNING = "running";
    public static final String COMMITTED = "committed";
    public static final String FAILED = "failed";
    public static final String REFUSED = "refused";
    public static final String CANCELLED = "cancelled";
    public static final String ABANDONED = "abandoned";
}
