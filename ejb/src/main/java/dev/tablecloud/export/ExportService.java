package dev.tablecloud.export;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.mapping.MappingService;
import dev.tablecloud.mapping.ValueMappings;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ModuleRegistry;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Exports the users' changes of a transaction as portable SQL (DESIGN §5), read from the audit log. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportService {

    @EJB
    Access access;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    MappingService mappings;

    /**
     * @param transactionId null: the open transaction if there is one, else the last committed
     * @param target        the environment the SQL is for, whose value mappings apply; null: none
     */
    public TransactionSql forTransaction(String environment, Long transactionId, String target) {
        access.require(environment, Role.VIEWER, "export SQL");
        ValueMappings targetMappings = mappingsOf(target);
        try (Connection engine = databases.openAsEngine(environment)) {
            long id = transactionId != null ? existing(engine, environment, transactionId) : defaultId(engine, environment);
            PreparedStatement query = engine.prepareStatement(SELECT_USERS_CHANGES + " and transaction_id = ? order by id");
            query.setLong(1, id);
            return exported(engine, id, query, target, targetMappings);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    /**
     * The users' changes since a moment, of every transaction not rolled back, in audit order (id,
     * never the clock, orders them; the moment only picks where to start).
     */
    public TransactionSql since(String environment, Instant since, String target) {
        access.require(environment, Role.VIEWER, "export SQL");
        ValueMappings targetMappings = mappingsOf(target);
        try (Connection engine = databases.openAsEngine(environment)) {
            PreparedStatement query = engine.prepareStatement(SELECT_USERS_CHANGES
                    + " and id >= (select min(id) from iasql_audit_log where ts >= ?)"
                    // What a rollback discarded never happened in this environment: it is not replayed.
                    + " and transaction_id not in (select id from iasql_transaction where state = 'ROLLED_BACK')"
                    + " order by id");
            query.setTimestamp(1, Timestamp.from(since));
            return exported(engine, null, query, target, targetMappings);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    private static final String SELECT_USERS_CHANGES = "select id, table_name, change_type, old::text, new::text"
            + " from iasql_audit_log where origin = 'user' and change_type in ('INSERT', 'UPDATE', 'DELETE')";

    private ValueMappings mappingsOf(String target) {
        return target == null || target.isEmpty() ? ValueMappings.none() : mappings.forTarget(target);
    }

    /** Runs (and closes) the query of audit entries and turns them into SQL. */
    private static TransactionSql exported(Connection engine, Long transactionId, PreparedStatement query,
                                           String target, ValueMappings targetMappings) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (query; ResultSet row = query.executeQuery()) {
            while (row.next()) {
                entries.add(new AuditEntry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)));
            }
        }
        List<ResourceTable> tables = ModuleCatalog.tablesInDependencyOrder(ModuleRegistry.installed(engine));
        ExportResult result = new SqlExporter(tables).export(entries, rows(engine, tables), targetMappings);
        return new TransactionSql(transactionId, target == null || target.isEmpty() ? null : target,
                result.statements(), result.problems().stream().map(Problem::message).toList(), result.mapped());
    }

    private static long existing(Connection engine, String environment, long id) throws SQLException {
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

    private static long defaultId(Connection engine, String environment) throws SQLException {
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
    private static Rows rows(Connection engine, List<ResourceTable> tables) {
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
