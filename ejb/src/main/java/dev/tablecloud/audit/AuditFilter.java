package dev.tablecloud.audit;

import java.time.Instant;

/**
 * Which audit entries a person asks for; every part is optional (null: any).
 *
 * @param actor         the application user (or PostgreSQL login) that made the change, exactly
 * @param origin        {@code user} or {@code engine}
 * @param changeType    INSERT, UPDATE, DELETE or a marker (BEGIN, COMMIT_END, SYNC …)
 * @param table         the table changed, exactly
 * @param transactionId the IaSQL transaction the entry belongs to
 * @param from          entries at or after this moment
 * @param until         entries before this moment
 */
public record AuditFilter(String actor, String origin, String changeType, String table, Long transactionId,
                          Instant from, Instant until) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    public AuditFilter withActor(String value) {
        return new AuditFilter(value, origin, changeType, table, transactionId, from, until);
    }

    public AuditFilter withTransaction(Long value) {
        return new AuditFilter(actor, origin, changeType, table, value, from, until);
    }
}
