package dev.tablecloud.drift;

import dev.tablecloud.audit.ColumnChanges;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.TransactionChange;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Use cases on an environment's drift: its viewers read what drifted and the schedule; its admins set the schedule. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DriftService {

    static final int RUNS_READ = 50;
    static final int MOST_CHANGES = 500;
    static final int MOST_REVERTED = 5000;
    private static final Logger LOG = Logger.getLogger(DriftService.class.getName());

    @EJB
    DriftLog log;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    TransactionService transactions;

    /** The rows the cloud changed by hand, newest first, as the latest syncs that found drift wrote them. */
    public List<DriftChange> changes(String environment, int limit) {
        access.require(environment, Role.VIEWER, "see the drift");
        environments.get(environment);
        List<DriftRun> runs = log.latest(environment, RUNS_READ);
        if (runs.isEmpty()) {
            return List.of();
        }
        StringBuilder ranges = new StringBuilder();
        for (DriftRun run : runs) {
            ranges.append(ranges.isEmpty() ? "" : " or ").append("(id > ? and id <= ?)");
        }
        String sql = "select id, ts, table_name, old::text, new::text, " + TransactionChange.ROW_NAME_SQL
                + " from (select *, coalesce(new, old) as changed from iasql_audit_log where change_type = 'SYNC'"
                + " and transaction_id is null and (" + ranges + ")) drift order by id desc limit ?";
        try (Connection engine = databases.openAsEngine(environment);
             PreparedStatement query = engine.prepareStatement(sql)) {
            int parameter = 1;
            for (DriftRun run : runs) {
                query.setLong(parameter++, run.auditFrom);
                query.setLong(parameter++, run.auditTo);
            }
            query.setInt(parameter, Math.max(1, Math.min(limit, MOST_CHANGES)));
            List<DriftChange> changes = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long position = row.getLong(1);
                    String old = row.getString(4);
                    String now = row.getString(5);
                    String kind = old == null ? DriftChange.APPEARED : now == null ? DriftChange.VANISHED : DriftChange.CHANGED;
                    String foundBy = runs.stream().filter(run -> position > run.auditFrom && position <= run.auditTo)
                            .findFirst().map(run -> run.detectedBy).orElse("");
                    changes.add(new DriftChange(position, row.getTimestamp(2).toInstant(), row.getString(3), kind,
                            row.getString(6), ColumnChanges.between(old, now), foundBy));
                }
            }
            return Collections.unmodifiableList(changes);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    /**
     * Opens a transaction that puts the drifted rows back as they were before the drift, as the
     * user (the audit log names them), and answers its preview: the commit makes the cloud match
     * again. Refused when a transaction is open, when nothing is left to revert, or when a chosen
     * row changed again since its drift.
     *
     * @param positions the drift changes to revert (audit ids); null or empty: every one not yet
     *                  reverted or superseded
     */
    public DriftReverted revert(String environment, List<Long> positions) {
        String actor = access.require(environment, Role.AUTHOR, "revert drift");
        environments.get(environment);
        boolean chosen = positions != null && !positions.isEmpty();
        List<DriftReversal.Step> steps = new ArrayList<>();
        List<String> superseded = new ArrayList<>();
        try (Connection engine = databases.openAsEngine(environment)) {
            List<DriftEntry> drift = driftEntries(engine, log.latest(environment, RUNS_READ));
            Set<Long> driftPositions = new HashSet<>(drift.stream().map(DriftEntry::position).toList());
            if (chosen) {
                List<Long> unknown = positions.stream().filter(position -> !driftPositions.contains(position)).toList();
                if (!unknown.isEmpty()) {
                    throw new InvalidInputException(List.of(new FieldError("positions", "Not drift of environment '"
                            + environment + "' (GET …/drift lists it): " + unknown + ".")));
                }
            }
            // The first drift entry to revert of each row: its history is read from there on.
            Map<String, DriftEntry> rows = new LinkedHashMap<>();
            for (DriftEntry entry : drift) {
                if (!chosen || positions.contains(entry.position())) {
                    rows.putIfAbsent(entry.table().name() + ":" + entry.rowId(), entry);
                }
            }
            for (DriftEntry first : rows.values()) {
                Set<Long> chosenOfRow = new HashSet<>();
                drift.stream().filter(entry -> entry.table() == first.table() && entry.rowId().equals(first.rowId()))
                        .filter(entry -> !chosen || positions.contains(entry.position()))
                        .forEach(entry -> chosenOfRow.add(entry.position()));
                DriftReversal.Outcome outcome = DriftReversal.of(new DriftReversal.RowHistory(first.table(),
                        first.name(), history(engine, first, driftPositions), chosenOfRow), chosen);
                if (outcome instanceof DriftReversal.Step step && step.kind().equals(DriftReversal.INSERT)
                        && isBack(engine, step)) {
                    superseded.add(step.table().name() + " '" + step.name() + "' is in the table again");
                } else if (outcome instanceof DriftReversal.Step step) {
                    steps.add(step);
                } else if (outcome instanceof DriftReversal.Superseded later) {
                    superseded.add(later.describe());
                }
            }
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
        if (chosen && !superseded.isEmpty()) {
            throw new ConflictException("Not reverted: " + String.join("; ", superseded)
                    + ". Put it back by hand in a transaction, or leave it out of the positions.");
        }
        if (steps.isEmpty()) {
            throw new ConflictException("No drift to revert in environment '" + environment + "': "
                    + (superseded.isEmpty() ? "every drift change was to what the cloud sets by itself, or none was found."
                    : "every drift change was reverted or changed again since (" + String.join("; ", superseded) + ")."));
        }
        Optional<TransactionData> open = transactions.current(environment);
        if (open.isPresent()) {
            throw new ConflictException("Reverting drift opens a transaction, and transaction " + open.get().id()
                    + " of " + open.get().openedBy() + " is open in environment '" + environment
                    + "': commit or roll it back first.");
        }
        List<DriftReversal.Step> ordered = DriftReversal.ordered(steps, tables().keySet().stream().toList());
        TransactionData transaction = transactions.begin(environment);
        try (Connection user = databases.openAsUser(environment, actor)) {
            user.setAutoCommit(false);
            try {
                DriftReversal.apply(user, ordered);
                user.commit();
            } catch (SQLException | DriftReversal.RowGone | RuntimeException failed) {
                user.rollback();
                throw failed;
            }
        } catch (SQLException | DriftReversal.RowGone | RuntimeException failed) {
            rollBack(environment, transaction.id());
            if (failed instanceof DriftReversal.RowGone gone) {
                throw new ConflictException("Not reverted: " + gone.getMessage() + "; sync and look at the drift again.");
            }
            if (failed instanceof SQLException sql) {
                throw new ConflictException("Reverting the drift failed, and transaction " + transaction.id()
                        + " was rolled back: " + sql.getMessage());
            }
            throw (RuntimeException) failed;
        }
        return new DriftReverted(transaction.id(), ordered.stream().map(DriftReversal.Step::describe).toList(),
                transactions.preview(environment));
    }

    private void rollBack(String environment, long transactionId) {
        try {
            transactions.rollback(environment);
        } catch (RuntimeException e) {
            LOG.warning("Rolling back transaction " + transactionId + " of '" + environment
                    + "' after a failed drift revert failed: " + e.getMessage());
        }
    }

    /**
     * A drift audit entry, with the row it changed.
     *
     * @param rowId the row's cloud id where the table keeps one: a row deleted and synced back (a
     *              rolled-back revert) is the same resource under a new serial id
     */
    private record DriftEntry(long position, ResourceTable table, String rowId, String name) {
    }

    private static String keyColumn(ResourceTable table) {
        return table.storesCloudId() ? table.cloudIdColumn() : table.rowIdColumn();
    }

    /** The drift entries of these runs in the tables Tablecloud knows, oldest first. */
    private List<DriftEntry> driftEntries(Connection engine, List<DriftRun> runs) throws SQLException {
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<String, ResourceTable> tables = tables();
        StringBuilder ranges = new StringBuilder();
        for (DriftRun run : runs) {
            ranges.append(ranges.isEmpty() ? "" : " or ").append("(id > ? and id <= ?)");
        }
        String sql = "select id, table_name, changed::text, " + TransactionChange.ROW_NAME_SQL
                + " from (select *, coalesce(new, old) as changed from iasql_audit_log where change_type = 'SYNC'"
                + " and transaction_id is null and (" + ranges + ")) drift order by id limit ?";
        try (PreparedStatement query = engine.prepareStatement(sql)) {
            int parameter = 1;
            for (DriftRun run : runs) {
                query.setLong(parameter++, run.auditFrom);
                query.setLong(parameter++, run.auditTo);
            }
            query.setInt(parameter, MOST_REVERTED);
            List<DriftEntry> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    ResourceTable table = tables.get(row.getString(2));
                    if (table == null) {
                        continue;
                    }
                    var key = JsonDocuments.parseObject(row.getString(3)).get(keyColumn(table));
                    if (key != null && key.getValueType() != jakarta.json.JsonValue.ValueType.NULL) {
                        entries.add(new DriftEntry(row.getLong(1), table, JsonDocuments.text(key), row.getString(4)));
                    }
                }
            }
            return entries;
        }
    }

    /** Whether a row that vanished is back: reverted already, or made again by hand. */
    private static boolean isBack(Connection engine, DriftReversal.Step step) throws SQLException {
        try (PreparedStatement query = engine.prepareStatement("select exists (select 1 from "
                + dev.tablecloud.module.SqlNames.quote(step.table().name()) + " kept where to_jsonb(kept) @> ?::jsonb)")) {
            query.setString(1, DriftReversal.recognisable(step.table(), step.before()).toString());
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getBoolean(1);
            }
        }
    }

    /** Every audit entry on the entry's row from the entry on. */
    private static List<DriftReversal.Entry> history(Connection engine, DriftEntry first, Set<Long> driftPositions)
            throws SQLException {
        String column = keyColumn(first.table());
        try (PreparedStatement query = engine.prepareStatement("select id, old::text, new::text, change_type, actor"
                + " from iasql_audit_log where table_name = ? and id >= ? and (old->>? = ? or new->>? = ?) order by id")) {
            query.setString(1, first.table().name());
            query.setLong(2, first.position());
            query.setString(3, column);
            query.setString(4, first.rowId());
            query.setString(5, column);
            query.setString(6, first.rowId());
            List<DriftReversal.Entry> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String old = row.getString(2);
                    String now = row.getString(3);
                    entries.add(new DriftReversal.Entry(row.getLong(1), old == null ? null : JsonDocuments.parseObject(old),
                            now == null ? null : JsonDocuments.parseObject(now), driftPositions.contains(row.getLong(1)),
                            row.getString(4), row.getString(5)));
                }
            }
            return entries;
        }
    }

    /** Every table of the modules Tablecloud knows, by name, parents first. */
    private static Map<String, ResourceTable> tables() {
        Collection<String> modules = ModuleCatalog.all().stream().map(ModuleDefinition::name).toList();
        Map<String, ResourceTable> tables = new LinkedHashMap<>();
        ModuleCatalog.tablesInDependencyOrder(modules).forEach(table -> tables.put(table.name(), table));
        return tables;
    }

    public DriftScheduleData schedule(String environment) {
        access.require(environment, Role.VIEWER, "see the drift schedule");
        environments.get(environment);
        return DriftSchedules.of(log.schedule(environment));
    }

    /** @param intervalMinutes how often to sync for drift (0: never), or null for the server's default */
    public DriftScheduleData setSchedule(String environment, Integer intervalMinutes) {
        access.require(environment, Role.ADMIN, "change the drift schedule");
        environments.get(environment);
        if (intervalMinutes != null && (intervalMinutes < 0 || intervalMinutes > DriftSchedules.LONGEST_MINUTES)) {
            throw new InvalidInputException(List.of(new FieldError("intervalMinutes", "Every 1 to "
                    + DriftSchedules.LONGEST_MINUTES + " minutes, 0 for never, or null for the server's default ("
                    + DriftSchedules.serverDefaultMinutes() + "); not " + intervalMinutes + ".")));
        }
        log.keepInterval(environment, intervalMinutes);
        return DriftSchedules.of(log.schedule(environment));
    }
}
