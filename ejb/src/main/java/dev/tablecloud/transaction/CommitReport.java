package dev.tablecloud.transaction;

import java.util.List;

/**
 * What a commit did.
 *
 * @param committed   true when every cloud action succeeded and the transaction is COMMITTED; false
 *                    when one failed and the transaction is OPEN again, with its rows as users left
 *                    them
 * @param error       the failure (the cloud's own message), or null
 * @param steps       every planned action with its outcome: DONE, FAILED, NOT_RUN, UNDONE, UNDO_FAILED
 * @param undo        what was done to take back this commit's changes after a failure, step by step
 * @param syncError   set when the cloud changes were made but the sync that follows them failed:
 *                    the transaction is committed, and the next sync brings the tables up to date
 */
public record CommitReport(long transactionId, boolean committed, String error, List<StepReport> steps,
                           List<String> undo, String syncError) {

    public record StepReport(String action, String tableName, String id, String description, String status,
                             String message) {
    }
}
