package dev.tablecloud.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of {@code iasql_audit_log} as the audit page shows it.
 *
 * @param table         null for markers that concern no table (BEGIN, COMMIT_END …)
 * @param transactionId null for changes outside a transaction (a sync)
 * @param changes       the columns whose value differs between the row before and after: every
 *                      column of an inserted or deleted row, only the changed ones of an update
 */
public record AuditLogEntry(long id, Instant at, String actor, String origin, String changeType, String table,
                            Long transactionId, List<ColumnChange> changes) {

    public AuditLogEntry {
        changes = List.copyOf(changes);
    }
}
