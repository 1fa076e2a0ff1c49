package dev.tablecloud.export;

/**
 * One users' change of {@code iasql_audit_log} (origin user; INSERT, UPDATE or DELETE).
 *
 * @param id         the audit log's id: the order of the changes
 * @param table      the table changed
 * @param changeType INSERT, UPDATE or DELETE
 * @param oldJson    the row before ({@code old::text}), null for an INSERT
 * @param newJson    the row after ({@code new::text}), null for a DELETE
 */
public record AuditEntry(long id, String table, String changeType, String oldJson, String newJson) {
}
