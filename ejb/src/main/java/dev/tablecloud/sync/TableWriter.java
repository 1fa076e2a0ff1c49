package dev.tablecloud.sync;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.ResourceTable;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes one table equal to what the cloud reported, by cloud id, as far as the sync's coverage
 * reaches: rows outside it are left as they are. Updates are conditional ({@code IS DISTINCT
 * FROM}) and set only the columns the read reported, so unchanged rows are not written and leave
 * no audit entry, and a column the read left out keeps the row's value.
 */
final class TableWriter {

    private static final Logger LOG = Logger.getLogger(TableWriter.class.getName());

    private final Connection connection;
    private final ResourceTable table;
    /** Per table already written: cloud id to row id, for resolving foreign keys. */
    private final Map<String, Map<String, Object>> rowIdsByTable;
    private final Coverage coverage;
    /** Updates not sent yet, by statement (one per set of columns). */
    private final Map<String, PreparedStatement> pendingUpdates = new LinkedHashMap<>();

    long inserted;
    long updated;
    final List<Object> vanished = new ArrayList<>();

    TableWriter(Connection connection, ResourceTable table, Map<String, Map<String, Object>> rowIdsByTable,
                Coverage coverage) {
        this.connection = connection;
        this.table = table;
        this.rowIdsByTable = rowIdsByTable;
        this.coverage = coverage;
    }

    void upsert(List<CloudResource> resources, Set<String> regionsRead) throws SQLException {
        List<ExistingRow> rows = existingRows(connection, table, regionsRead);
        Map<String, Object> existing = new HashMap<>();
        Map<String, Object> rowIds = new HashMap<>();
        for (ExistingRow row : rows) {
            existing.put(row.key(), row.rowId());
            if (row.cloudId() != null) {
                rowIds.put(row.cloudId(), row.rowId());
            }
        }
        Set<String> seen = new HashSet<>();
        try {
            for (CloudResource resource : resources) {
                // Seen before anything else: a resource the cloud holds keeps its row, written or not.
                seen.add(resource.cloudId());
                if (!coverage.covers(table, resource)) {
                    continue;
                }
                Map<String, Object> values = coverage.valuesOf(table, resource);
                if (!resolveParents(resource, values)) {
                    continue;
                }
                Object rowId = existing.get(resource.cloudId());
                if (rowId == null) {
                    rowIds.put(resource.cloudId(), insert(resource, values));
                    inserted++;
                } else {
                    update(rowId, values);
                }
            }
            sendUpdates();
        } finally {
            closeUpdates();
        }
        for (ExistingRow row : rows) {
            if (row.cloudId() != null && seen.contains(row.cloudId())) {
                coverage.rowOf(table, row.rowId().toString(), row.cloudId());
            } else if (coverage.coversGone(table, row.rowId().toString(), row.cloudId(), row.parentRowIds())
                    && table.removesVanished()) {
                vanished.add(row.rowId());
            }
        }
        rowIdsByTable.put(table.name(), rowIds);
    }

    long deleteVanished() throws SQLException {
        if (vanished.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from " + table.name() + " where " + table.rowIdColumn() + "::text = any(?)")) {
            Array ids = connection.createArrayOf("text", vanished.stream().map(Object::toString).toArray());
            delete.setArray(1, ids);
            return delete.executeUpdate();
        }
    }

    /**
     * A row as a sync sees it: its keys, and the rows its foreign keys point at (column to row id,
     * text, for the columns set).
     *
     * @param cloudId null for a row never created in the cloud
     */
    record ExistingRow(Object rowId, String cloudId, Map<String, String> parentRowIds) {

        /** Its cloud id; a row without one gets a key of its own, which no resource has. */
        String key() {
            return cloudId != null ? cloudId : "\0" + rowId;
        }
    }

    /** The table's rows in the regions read (all of them, for a table not read by region). */
    static List<ExistingRow> existingRows(Connection connection, ResourceTable table, Set<String> regionsRead)
            throws SQLException {
        List<String> parentColumns = List.copyOf(table.parentColumns().keySet());
        StringBuilder sql = new StringBuilder("select " + table.rowIdColumn() + ", " + table.cloudIdColumn());
        parentColumns.forEach(column -> sql.append(", ").append(column).append("::text"));
        sql.append(" from ").append(table.name()).append(table.regional() ? " where region = any(?)" : "");
        List<ExistingRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            if (table.regional()) {
                query.setArray(1, connection.createArrayOf("text", regionsRead.toArray()));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Map<String, String> parents = new HashMap<>();
                    for (int i = 0; i < parentColumns.size(); i++) {
                        String parentRowId = result.getString(3 + i);
                        if (parentRowId != null) {
                            parents.put(parentColumns.get(i), parentRowId);
                        }
                    }
                    rows.add(new ExistingRow(result.getObject(1), result.getString(2), parents));
                }
            }
        }
        return rows;
    }

    /** Cloud id to row id of a table the sync does not write, for the foreign keys of those it does. */
    static Map<String, Object> rowIds(Connection connection, ResourceTable table, Set<String> regionsRead)
            throws SQLException {
        Map<String, Object> rowIds = new HashMap<>();
        for (ExistingRow row : existingRows(connection, table, regionsRead)) {
            if (row.cloudId() != null) {
                rowIds.put(row.cloudId(), row.rowId());
            }
        }
        return rowIds;
    }

    private boolean resolveParents(CloudResource resource, Map<String, Object> values) {
        for (var parent : resource.parents().entrySet()) {
            ParentRef ref = parent.getValue();
            Object parentRowId = rowIdsByTable.getOrDefault(ref.table(), Map.of()).get(ref.cloudId());
            if (parentRowId == null && ref.required()) {
                LOG.fine(() -> table.name() + " " + resource.cloudId() + " left out: its " + ref.table() + " "
                        + ref.cloudId() + " was not read");
                return false;
            }
            values.put(parent.getKey(), parentRowId);
        }
        for (String column : table.parentColumns().keySet()) {
            values.putIfAbsent(column, null);
        }
        return true;
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>(table.columns().keySet());
        names.addAll(table.parentColumns().keySet());
        return names;
    }

    private String typeOf(String column) {
        return table.columns().getOrDefault(column, "integer");
    }

    private Object insert(CloudResource resource, Map<String, Object> values) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        if (table.storesCloudId()) {
            columns.add(table.cloudIdColumn());
            arguments.add(resource.cloudId());
            placeholders.add("?");
        }
        if (table.regional()) {
            columns.add("region");
            arguments.add(resource.region());
            placeholders.add("?");
        }
        for (String column : columnNames()) {
            columns.add(column);
            arguments.add(values.get(column));
            placeholders.add("?::" + typeOf(column));
        }
        String sql = "insert into " + table.name() + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", placeholders) + ") returning " + table.rowIdColumn();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            bind(insert, arguments);
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return result.getObject(1);
            }
        }
    }

    /** Sets the columns the values hold, unless the row has them already; sent by {@link #sendUpdates}. */
    private void update(Object rowId, Map<String, Object> values) throws SQLException {
        List<String> columns = columnNames().stream().filter(values::containsKey).toList();
        if (columns.isEmpty()) {
            return;
        }
        List<String> casts = columns.stream().map(c -> "?::" + typeOf(c)).toList();
        String sql = "update " + table.name() + " set (" + String.join(", ", columns) + ") = row("
                + String.join(", ", casts) + ") where " + table.rowIdColumn() + " = ? and ("
                + String.join(", ", columns) + ") is distinct from (" + String.join(", ", casts) + ")";
        List<Object> arguments = new ArrayList<>();
        columns.forEach(c -> arguments.add(values.get(c)));
        arguments.add(rowId);
        columns.forEach(c -> arguments.add(values.get(c)));
        PreparedStatement update = pendingUpdates.get(sql);
        if (update == null) {
            update = connection.prepareStatement(sql);
            pendingUpdates.put(sql, update);
        }
        bind(update, arguments);
        update.addBatch();
    }

    /**
     * The table's updates in one batch per statement: a sync of hundreds of rows changed (a commit's
     * new resources getting their generated columns) would otherwise wait for as many round trips.
     */
    private void sendUpdates() throws SQLException {
        for (PreparedStatement update : pendingUpdates.values()) {
            for (int count : update.executeBatch()) {
                if (count > 0) {
                    updated++;
                }
            }
        }
    }

    private void closeUpdates() throws SQLException {
        for (PreparedStatement update : pendingUpdates.values()) {
            update.close();
        }
        pendingUpdates.clear();
    }

    private static void bind(PreparedStatement statement, List<Object> arguments) throws SQLException {
        for (int i = 0; i < arguments.size(); i++) {
            Object value = arguments.get(i);
            if (value == null) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (value instanceof String || value instanceof Boolean) {
                statement.setString(i + 1, value.toString());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
