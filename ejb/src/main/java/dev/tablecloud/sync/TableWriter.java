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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes one table equal to what the cloud reported, by cloud id. Updates are conditional
 * ({@code IS DISTINCT FROM}), so unchanged rows are not written and leave no audit entry.
 */
final class TableWriter {

    private static final Logger LOG = Logger.getLogger(TableWriter.class.getName());

    private final Connection connection;
    private final ResourceTable table;
    /** Per table already written: cloud id to row id, for resolving foreign keys. */
    private final Map<String, Map<String, Object>> rowIdsByTable;

    long inserted;
    long updated;
    final List<Object> vanished = new ArrayList<>();

    TableWriter(Connection connection, ResourceTable table, Map<String, Map<String, Object>> rowIdsByTable) {
        this.connection = connection;
        this.table = table;
        this.rowIdsByTable = rowIdsByTable;
    }

    void upsert(List<CloudResource> resources, Set<String> regionsRead) throws SQLException {
        Map<String, Object> existing = existingRows(regionsRead);
        Map<String, Object> rowIds = new HashMap<>();
        for (var entry : existing.entrySet()) {
            if (!entry.getKey().startsWith("\0")) {
                rowIds.put(entry.getKey(), entry.getValue());
            }
        }
        Set<String> seen = new HashSet<>();
        for (CloudResource resource : resources) {
            Map<String, Object> values = new HashMap<>(resource.values());
            if (!resolveParents(resource, values)) {
                continue;
            }
            seen.add(resource.cloudId());
            Object rowId = existing.get(resource.cloudId());
            if (rowId == null) {
                rowIds.put(resource.cloudId(), insert(resource, values));
                inserted++;
            } else if (!columnNames().isEmpty() && update(rowId, values)) {
                updated++;
            }
        }
        if (table.removesVanished()) {
            existing.forEach((cloudId, rowId) -> {
                if (!seen.contains(cloudId)) {
                    vanished.add(rowId);
                }
            });
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

    /** Cloud id to row id; rows without a cloud id (never created in the cloud) get a key of their own. */
    private Map<String, Object> existingRows(Set<String> regionsRead) throws SQLException {
        String sql = "select " + table.rowIdColumn() + ", " + table.cloudIdColumn() + " from " + table.name()
                + (table.regional() ? " where region = any(?)" : "");
        Map<String, Object> rows = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (table.regional()) {
                query.setArray(1, connection.createArrayOf("text", regionsRead.toArray()));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Object rowId = result.getObject(1);
                    String cloudId = result.getString(2);
                    rows.put(cloudId != null ? cloudId : "\0" + rowId, rowId);
                }
            }
        }
        return rows;
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

    private boolean update(Object rowId, Map<String, Object> values) throws SQLException {
        List<String> columns = columnNames();
        List<String> casts = columns.stream().map(c -> "?::" + typeOf(c)).toList();
        String sql = "update " + table.name() + " set (" + String.join(", ", columns) + ") = row("
                + String.join(", ", casts) + ") where " + table.rowIdColumn() + " = ? and ("
                + String.join(", ", columns) + ") is distinct from (" + String.join(", ", casts) + ")";
        List<Object> arguments = new ArrayList<>();
        columns.forEach(c -> arguments.add(values.get(c)));
        arguments.add(rowId);
        columns.forEach(c -> arguments.add(values.get(c)));
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, arguments);
            return update.executeUpdate() > 0;
        }
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
