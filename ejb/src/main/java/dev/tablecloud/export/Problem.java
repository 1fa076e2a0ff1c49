package dev.tablecloud.export;

/**
 * A change that was not exported, and why: SQL for it would have matched nothing (or the wrong
 * row) in the other environment.
 *
 * @param auditId the audit log entry of the change
 * @param table   the table of the row
 * @param rowId   the row's primary key in this environment
 * @param reason  what the row lacks, for a person to act on
 */
public record Problem(long auditId, String table, String rowId, String reason) {

    public String message() {
        return table + " row " + rowId + " (audit " + auditId + "): " + reason;
    }
}
