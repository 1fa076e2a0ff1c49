package dev.tablecloud.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an environment database's audit log over one connection: what {@link AuditLogService}
 * serves, without the server (the audit log benchmark runs it over JDBC).
 */
public final class AuditLogReader {

    private final Connection connection;

    public AuditLogReader(Connection connection) {
        this.connection = connection;
    }

    public List<AuditLogEntry> page(AuditFilter filter, int offset, int limit) throws SQLException {
        AuditQuery query = new AuditQuery(filter);
        List<AuditLogEntry> entries = new ArrayList<>();
        try (PreparedStatement select = prepared(query.page(offset, limit), query.parameters());
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long transaction = row.getLong(7);
                entries.add(new AuditLogEntry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.wasNull() ? null : transaction,
                        ColumnChanges.between(row.getString(8), row.getString(9))));
            }
        }
        return entries;
    }

    public AuditCount count(AuditFilter filter, long bound) throws SQLException {
        AuditQuery query = new AuditQuery(filter);
        try (PreparedStatement select = prepared(query.boundedCount(bound), query.parameters());
             ResultSet row = select.executeQuery()) {
            row.next();
            long counted = row.getLong(1);
            return counted > bound ? new AuditCount(bound, true) : new AuditCount(counted, false);
        }
    }

    /**
     * Everyone who has an entry, in name order. A skip scan: one index probe per actor on the
     * actor index (V14), never a read of the whole log.
     */
    public List<String> actors() throws SQLException {
        List<String> actors = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                with recursive seen (actor) as (
                    (select actor from iasql_audit_log order by actor limit 1)
                    union all
                    select (select a.actor from iasql_audit_log a where a.actor > seen.actor order by a.actor limit 1)
                    from seen where seen.actor is not null)
                select actor from seen where actor is not null""");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                actors.add(row.getString(1));
            }
        }
        return actors;
    }

    /** Committed transactions, the last committed first. */
    public List<CommittedTransaction> committedTransactions(int limit) throws SQLException {
        List<CommittedTransaction> committed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, opened_by, ended_by, ended_at"
                + " from iasql_transaction where state = 'COMMITTED' order by id desc limit ?")) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Timestamp at = row.getTimestamp(4);
                    committed.add(new CommittedTransaction(row.getLong(1), row.getString(2), row.getString(3),
                            at == null ? null : at.toInstant()));
                }
            }
        }
        return committed;
    }

    private PreparedStatement prepared(String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
