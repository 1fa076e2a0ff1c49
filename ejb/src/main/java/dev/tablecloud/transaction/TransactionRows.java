package dev.tablecloud.transaction;

import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.CloudIds;
import dev.tablecloud.plan.RowRef;
import dev.tablecloud.plan.RowState;
import dev.tablecloud.plan.TableChanges;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a transaction did, read from the environment database: from the audit log, which rows users
 * touched and how each was before the transaction; from the tables, how the touched rows are now.
 * This is the input of a plan, and the plan reads nothing else from the database.
 */
final class TransactionRows {

    private static final Set<String> TEXT_TYPES = Set.of("jsonb", "json", "cidr", "inet", "timestamptz",
            "timestamp", "text", "varchar");

    private final Connection engine;
    private final String defaultRegion;

    TransactionRows(Connection engine, String defaultRegion) {
        this.engine = engine;
        this.defaultRegion = defaultRegion;
    }

    /** Per table the transaction touched, in the order of {@code tables} (dependency order). */
    List<TableChanges> changes(long transactionId, List<ResourceTable> tables) throws SQLException {
        Map<String, Map<String, String>> before = new HashMap<>();
        Map<String, Set<String>> touched = new HashMap<>();
        Map<String, ResourceTable> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        try (PreparedStatement query = engine.prepareStatement("select table_name, change_type, old::text, new::text"
                + " from iasql_audit_log where transaction_id = ? and origin = 'user'"
                + " and change_type in ('INSERT', 'UPDATE', 'DELETE') order by id")) {
            query.setLong(1, transactionId);
            try (ResultSet entry = query.executeQuery()) {
                while (entry.next()) {
                    ResourceTable table = byName.get(entry.getString(1));
                    if (table == null) {
                        continue;
                    }
                    String rowId = rowIdOf(entry.getString(3) != null ? entry.getString(3) : entry.getString(4), table);
                    touched.computeIfAbsent(table.name(), t -> new LinkedHashSet<>()).add(rowId);
                    if (entry.getString(3) != null) {
                        // The first old image of a row is how it was before the transaction.
                        before.computeIfAbsent(table.name(), t -> new HashMap<>()).putIfAbsent(rowId, entry.getString(3));
                    } else {
                        before.computeIfAbsent(table.name(), t -> new HashMap<>()).putIfAbsent(rowId, null);
                    }
                }
            }
        }
        List<TableChanges> changes = new ArrayList<>();
        Map<String, List<String>> goneImages = new HashMap<>();
        for (ResourceTable table : tables) {
            Set<String> rowIds = touched.get(table.name());
            if (rowIds == null) {
                continue;
            }
            Map<String, RowState> now = withLinks(table, current(table, rowIds), byName);
            List<RowState> deleted = new ArrayList<>();
            for (var entry : before.get(table.name()).entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                if (!now.containsKey(entry.getKey())) {
                    goneImages.computeIfAbsent(table.name(), t -> new ArrayList<>()).add(entry.getValue());
                }
                RowState old = fromImage(table, entry.getValue(), goneImages);
                RowState current = now.get(entry.getKey());
                // Gone, or its resource is another one now (a link row pointed elsewhere).
                if (current == null || (old.cloudId() != null && !old.cloudId().equals(current.cloudId()))) {
                    deleted.add(old);
                }
            }
            changes.add(new TableChanges(table, List.copyOf(now.values()), deleted));
        }
        return changes;
    }

    /**
     * The changes, with the rows that point at a row made anew added as touched rows: the children
     * that must move to the new parent (a VPC's subnets, a zone's record sets, a subnet's instances).
     * Rows of a link table the parent's create makes are left out (an instance is launched anew into
     * its groups). The same list when no row is to be added.
     */
    List<TableChanges> withMovingChildren(List<TableChanges> changes, Set<RowRef> madeAnew, List<ResourceTable> tables)
            throws SQLException {
        if (madeAnew.isEmpty()) {
            return changes;
        }
        Map<String, ResourceTable> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        Map<String, TableChanges> byTable = new LinkedHashMap<>();
        changes.forEach(change -> byTable.put(change.table().name(), change));
        boolean added = false;
        List<TableChanges> result = new ArrayList<>();
        for (ResourceTable table : tables) {
            TableChanges change = byTable.get(table.name());
            Set<String> known = new HashSet<>();
            if (change != null) {
                change.touchedRows().forEach(row -> known.add(row.rowId()));
            }
            Set<String> children = new LinkedHashSet<>();
            for (var parent : table.parentColumns().entrySet()) {
                ResourceTable parentTable = byName.get(parent.getValue());
                if (parentTable == null || (parentTable.writes() != null
                        && parentTable.writes().createdWithLinks().containsKey(table.name()))) {
                    continue;
                }
                List<String> parentIds = madeAnew.stream().filter(row -> row.table().equals(parentTable.name()))
                        .map(RowRef::rowId).toList();
                if (!parentIds.isEmpty()) {
                    children.addAll(rowIdsPointingAt(table, parent.getKey(), parentIds));
                }
            }
            children.removeAll(known);
            if (children.isEmpty()) {
                if (change != null) {
                    result.add(change);
                }
                continue;
            }
            added = true;
            List<RowState> touchedRows = new ArrayList<>(change == null ? List.of() : change.touchedRows());
            touchedRows.addAll(withLinks(table, current(table, children), byName).values());
            result.add(new TableChanges(table, touchedRows, change == null ? List.of() : change.deletedRows()));
        }
        return added ? result : changes;
    }

    private List<String> rowIdsPointingAt(ResourceTable table, String column, List<String> parentIds)
            throws SQLException {
        List<String> rowIds = new ArrayList<>();
        try (PreparedStatement query = engine.prepareStatement("select " + table.rowIdColumn() + "::text from "
                + table.name() + " where " + column + "::text = any(?) order by " + table.rowIdColumn())) {
            query.setArray(1, engine.createArrayOf("text", parentIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rowIds.add(result.getString(1));
                }
            }
        }
        return rowIds;
    }

    /** Cloud ids of rows outside the plan, as the tables hold them now. */
    CloudIds cloudIds(Map<String, ResourceTable> tables) {
        Map<RowRef, String> known = new HashMap<>();
        return row -> known.computeIfAbsent(row, ref -> {
            ResourceTable table = tables.get(ref.table());
            try (PreparedStatement query = engine.prepareStatement("select " + table.cloudIdColumn() + " from "
                    + table.name() + " where " + table.rowIdColumn() + "::text = ?")) {
                query.setString(1, ref.rowId());
                try (ResultSet result = query.executeQuery()) {
                    return result.next() ? result.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the cloud id of " + ref + " failed: " + e.getMessage(), e);
            }
        });
    }

    private Map<String, RowState> current(ResourceTable table, Set<String> rowIds) throws SQLException {
        Map<String, RowState> rows = new LinkedHashMap<>();
        try (PreparedStatement query = engine.prepareStatement("select " + table.rowIdColumn() + "::text as tc_row_id, "
                + table.cloudIdColumn() + " as tc_cloud_id, * from " + table.name() + " where "
                + table.rowIdColumn() + "::text = any(?) order by " + table.rowIdColumn())) {
            query.setArray(1, engine.createArrayOf("text", rowIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    RowState row = read(table, result);
                    rows.put(row.rowId(), row);
                }
            }
        }
        return rows;
    }

    /**
     * The rows, each with the rows the link tables its create makes link it to (an instance's security
     * groups): every link row the database holds, touched or not, as a replace launches anew with all.
     */
    private Map<String, RowState> withLinks(ResourceTable table, Map<String, RowState> rows,
                                            Map<String, ResourceTable> tables) throws SQLException {
        if (table.writes() == null || table.writes().createdWithLinks().isEmpty() || rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, List<RowRef>>> linksByRow = new HashMap<>();
        for (var links : table.writes().createdWithLinks().entrySet()) {
            ResourceTable linkTable = tables.get(links.getKey());
            if (linkTable == null) {
                continue;
            }
            String toCreated = links.getValue().toCreated();
            String toLinked = links.getValue().toLinked();
            String linkedTable = linkTable.parentColumns().get(toLinked);
            try (PreparedStatement query = engine.prepareStatement("select " + toCreated + "::text, " + toLinked
                    + "::text from " + linkTable.name() + " where " + toCreated + "::text = any(?) and " + toLinked
                    + " is not null order by " + linkTable.rowIdColumn())) {
                query.setArray(1, engine.createArrayOf("text", rows.keySet().toArray()));
                try (ResultSet link = query.executeQuery()) {
                    while (link.next()) {
                        linksByRow.computeIfAbsent(link.getString(1), row -> new HashMap<>())
                                .computeIfAbsent(linkTable.name(), t -> new ArrayList<>())
                                .add(new RowRef(linkedTable, link.getString(2)));
                    }
                }
            }
        }
        Map<String, RowState> linked = new LinkedHashMap<>();
        rows.forEach((rowId, row) -> linked.put(rowId, row.withLinks(linksByRow.getOrDefault(rowId, Map.of()))));
        return linked;
    }

    /**
     * A row image of the audit log, with its cloud id derived as the table derives it. A link
     * table derives it from its parents' rows; when those were deleted in the same transaction
     * (a hosted zone with its records), their images stand in for them: a CTE named like the
     * parent table shadows it for this one query.
     */
    private RowState fromImage(ResourceTable table, String json, Map<String, List<String>> goneImages)
            throws SQLException {
        List<String> shadowed = table.storesCloudId() ? List.of()
                : table.parentColumns().values().stream().distinct().filter(goneImages::containsKey).toList();
        StringBuilder sql = new StringBuilder();
        for (String parent : shadowed) {
            sql.append(sql.length() == 0 ? "with " : ", ").append(parent).append(" as (select * from ").append(parent)
                    .append(" union all select * from jsonb_populate_recordset(null::").append(parent)
                    .append(", ?::jsonb))");
        }
        sql.append(" select ").append(table.rowIdColumn()).append("::text as tc_row_id, ").append(table.cloudIdColumn())
                .append(" as tc_cloud_id, * from jsonb_populate_record(null::").append(table.name())
                .append(", ?::jsonb) as ").append(table.name());
        try (PreparedStatement query = engine.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (String parent : shadowed) {
                query.setString(parameter++, "[" + String.join(",", goneImages.get(parent)) + "]");
            }
            query.setString(parameter, json);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return read(table, result);
            }
        }
    }

    private RowState read(ResourceTable table, ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        Map<String, Object> values = new HashMap<>();
        for (int i = 3; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnName(i);
            boolean asText = TEXT_TYPES.contains(meta.getColumnTypeName(i));
            values.put(column, asText ? result.getString(i) : result.getObject(i));
        }
        Map<String, RowRef> parents = new HashMap<>();
        table.parentColumns().forEach((column, parentTable) -> {
            Object parentRowId = values.get(column);
            if (parentRowId != null) {
                parents.put(column, new RowRef(parentTable, parentRowId.toString()));
            }
        });
        Object region = values.get("region");
        return new RowState(table.name(), result.getString("tc_row_id"), result.getString("tc_cloud_id"),
                region != null ? region.toString() : defaultRegion, values, parents);
    }

    private static String rowIdOf(String json, ResourceTable table) {
        JsonValue value = JsonDocuments.parseObject(json).get(table.rowIdColumn());
        return value instanceof JsonString text ? text.getString() : String.valueOf(value);
    }
}
