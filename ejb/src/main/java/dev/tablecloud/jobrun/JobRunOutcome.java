package dev.tablecloud.jobrun;

/** How a job's run ended. */
public enum JobRunOutcome {
    SUCCEEDED,
    FAILED,
    /** Nothing was done, for a reason the message gives (a transaction open in the target, …). */
    SKIPPED,
    /** Due outside a commit window (the server was down, or a freeze began): moved to the next one. */
    MISSED_WINDOW
}
