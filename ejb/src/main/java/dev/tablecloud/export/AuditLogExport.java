package dev.tablecloud.export;

import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.mapping.ValueMappings;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ModuleRegistry;
import dev.tablecloud.module.ResourceTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an environment database's audit log and its rows through a connection of its engine role,
 * and exports them: what {@link ExportService} serves, without the server (the export benchmark
 * runs it over JDBC).
 */
public final class AuditLogExport {

    private final Connection engine;
    private final String environment;

    public AuditLogExport(Connection engine, String environment) {
        this.engine = engine;
        this.environment = environment;
    }

    /**
     * @param transactionId null: the open transaction if there is one, else the last committed
     * @param target        the environment whose {@code mappings} apply, named in the script; null: none
     */
    public TransactionSql transaction(Long transactionId, String target, ValueMappings mappings) throws SQLException {
        long id = transactionId != null ? existing(transactionId) : defaultId();
        PreparedStatement query = engine.prepareStatement(SELECT_USERS_CHANGES + " and transaction_id = ? order by id");
        query.setLong(1, id);
        return exported(id, query, target, mappings);
    }

    /** The users' changes since a moment, of every transaction not rolled back, in audit order. */
    public TransactionSql since(Instant since, String target, ValueMappings mappings) throws SQLException {
        PreparedStatement query = engine.prepareStatement(SELECT_USERS_CHANGES
                + " and id >= (select min(id) from iasql_audit_log where ts >= ?)"
                // What a rollback discarded never happened in this environment: it is not replayed.
                + " and transaction_id not in (select id from iasql_transaction where state = 'ROLLED_BACK')"
                + " order by id");
        query.setTimestamp(1, Timestamp.from(since));
        return exported(null, query, target, mappings);
    }

    /**
     * The users' changes of the transactions committed after an audit position, in audit order: what
     * a promotion carries. A transaction still open or committing is left for a later call; the
     * changes end at the last committed one, so nothing after it is skipped when it commits.
     */
    public CommittedChanges committedAfter(long position, String target, ValueMappings mappings) throws SQLException {
        PreparedStatement query = engine.prepareStatement(SELECT_USERS_CHANGES + " and id > ?"
                + " and transaction_id in (select id from iasql_transaction where state = 'COMMITTED') order by id");
        query.setLong(1, position);
        List<Change> changes = read(query);
        TransactionSql sql = exported(null, changes.stream().map(Change::entry).toList(), target, mappings);
        Map<Long, Set<String>> actors = new LinkedHashMap<>();
        changes.forEach(change -> actors.computeIfAbsent(change.transactionId(), id -> new LinkedHashSet<>())
                .add(change.actor()));
        return new CommittedChanges(sql, position,
                changes.isEmpty() ? position : changes.get(changes.size() - 1).entry().id(),
                actors.entrySet().stream().map(transaction -> new CommittedChanges.Source(transaction.getKey(),
                        List.copyOf(transaction.getValue()))).toList());
    }

    private static final String SELECT_USERS_CHANGES = "select id, table_name, change_type, old::text, new::text,"
            + " transaction_id, actor"
            + " from iasql_audit_log where origin = 'user' and change_type in ('INSERT', 'UPDATE', 'DELETE')";

    private record Change(AuditEntry entry, long transactionId, String actor) {
    }

    /** Runs (and closes) the query of audit entries. */
    private static List<Change> read(PreparedStatement query) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (query; ResultSet row = query.executeQuery()) {
            while (row.next()) {
                changes.add(new Change(new AuditEntry(row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)), row.getLong(6), row.getString(7)));
            }
        }
        return changes;
    }

    /** Runs (and closes) the query of audit entries and turns them into SQL. */
    private TransactionSql exported(Long transactionId, PreparedStatement query, String target,
                                    ValueMappings targetMappings) throws SQLException {
        return exported(transactionId, read(query).stream().map(Change::entry).toList(), target, targetMappings);
    }

    private TransactionSql exported(Long transactionId, List<AuditEntry> entries, String target,
                                    ValueMappings targetMappings) throws SQLException {
        List<ResourceTable> tables = ModuleCatalog.tablesInDependencyOrder(ModuleRegistry.installed(engine));
        ExportResult result = new SqlExporter(tables).export(entries, rows(tables), targetMappings);
        return new TransactionSql(transactionId, target, result.statements(), result.problems().stream().map(Problem::message).toList(), result.mapped());
    }

    private long existing(long id) throws SQLException {
        try (PreparedStatement query = engine.prepareStatement("select id from iasql_transaction where id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("Environment '" + environment + "' has no transaction " + id + ".");
                }
                return id;
            }
        }
    }

    private long defaultId() throws SQLException {
        try (PreparedStatement query = engine.prepareStatement("select id from iasql_transaction"
                + " where state in ('OPEN', 'COMMITTING') or state = 'COMMITTED'"
                + " order by (state in ('OPEN', 'COMMITTING')) desc, id desc limit 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new NotFoundException("Environment '" + environment
                        + "' has no open or committed transaction to export.");
            }
            return row.getLong(1);
        }
    }

    /** Rows as the tables hold them now, for parents the transaction did not change. */
    private Rows rows(List<ResourceTable> tables) {
        Map<String, ResourceTable> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        return (table, rowId) -> {
            ResourceTable resourceTable = byName.get(table);
            if (resourceTable == null) {
                return Optional.empty();
            }
            try (PreparedStatement query = engine.prepareStatement("select to_jsonb(t)::text from " + table
                    + " t where " + resourceTable.rowIdColumn() + "::text = ?")) {
                query.setString(1, rowId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading " + table + " row " + rowId + " failed: " + e.getMessage(), e);
            }
        };
    }
}
