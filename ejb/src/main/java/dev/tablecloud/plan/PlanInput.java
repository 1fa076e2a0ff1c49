package dev.tablecloud.plan;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ResourceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The planner's input, indexed: tables and their order, touched rows by key, the cloud by cloud id. */
final class PlanInput {

    private final List<TableChanges> changes;
    private final Map<String, ResourceTable> tables = new HashMap<>();
    private final Map<String, Integer> tableOrder = new HashMap<>();
    private final Map<RowRef, RowState> touched = new LinkedHashMap<>();
    private final Map<RowRef, Integer> rowOrder = new HashMap<>();
    private final Map<String, Map<String, CloudResource>> cloud = new HashMap<>();
    private final CloudIds cloudIds;

    PlanInput(List<TableChanges> changes, Map<String, List<CloudResource>> cloudByTable, CloudIds cloudIds) {
        this.changes = changes;
        this.cloudIds = cloudIds;
        for (TableChanges change : changes) {
            String name = change.table().name();
            tables.put(name, change.table());
            tableOrder.putIfAbsent(name, tableOrder.size());
            indexRows(name, change.touchedRows(), true);
            indexRows(name, change.deletedRows(), false);
            if (!change.touchedRows().isEmpty() || !change.deletedRows().isEmpty()) {
                indexCloud(name, cloudByTable.get(name));
            }
        }
    }

    private void indexRows(String table, List<RowState> rows, boolean touchedRows) {
        for (RowState row : rows) {
            if (!row.table().equals(table)) {
                throw new IllegalArgumentException(row.ref() + " is listed with the changes of table " + table);
            }
            rowOrder.putIfAbsent(row.ref(), rowOrder.size());
            if (touchedRows && touched.put(row.ref(), row) != null) {
                throw new IllegalArgumentException(row.ref() + " is listed twice among the touched rows");
            }
        }
    }

    /** Without the cloud of a changed table every row would look new: refused rather than guessed. */
    private void indexCloud(String table, List<CloudResource> resources) {
        if (resources == null) {
            throw new IllegalArgumentException("The cloud of table " + table + " was not read, yet the"
                    + " transaction changed it");
        }
        Map<String, CloudResource> byId = new HashMap<>();
        resources.forEach(resource -> byId.put(resource.cloudId(), resource));
        cloud.put(table, byId);
    }

    List<TableChanges> changes() {
        return changes;
    }

    ResourceTable table(String name) {
        return tables.get(name);
    }

    int tableOrder(String name) {
        return tableOrder.getOrDefault(name, tableOrder.size());
    }

    int rowOrder(RowRef row) {
        return rowOrder.getOrDefault(row, rowOrder.size());
    }

    /** The resource the row's cloud id names, null if it has none or the cloud does not hold it. */
    CloudResource cloudResourceOf(RowState row) {
        return row.cloudId() == null ? null : cloud.getOrDefault(row.table(), Map.of()).get(row.cloudId());
    }

    RowState touched(RowRef row) {
        return touched.get(row);
    }

    /** Whether a touched row of the table holds the cloud id: then its resource is that row's, not gone. */
    boolean heldByTouchedRow(String table, String cloudId) {
        return touched.values().stream()
                .anyMatch(row -> row.table().equals(table) && Objects.equals(row.cloudId(), cloudId));
    }

    /** The cloud id a parent row holds: a touched row's own, else what the database says. */
    String cloudIdOf(RowRef parent) {
        RowState row = touched.get(parent);
        return row != null ? row.cloudId() : cloudIds.of(parent);
    }

    /** Touched rows, each after the touched rows it points at, else in the order given. */
    List<RowState> touchedParentsFirst() {
        List<RowState> ordered = new ArrayList<>();
        Set<RowRef> visited = new HashSet<>();
        touched.values().forEach(row -> visit(row, visited, ordered));
        return ordered;
    }

    /** Marked before its parents are visited, so that rows pointing at each other cannot loop. */
    private void visit(RowState row, Set<RowRef> visited, List<RowState> ordered) {
        if (!visited.add(row.ref())) {
            return;
        }
        row.parents().values().stream()
                .map(touched::get)
                .filter(Objects::nonNull)
                .forEach(parent -> visit(parent, visited, ordered));
        ordered.add(row);
    }

    /** A step for a table that has no write half is refused, naming the row. */
    static void requireWritable(ResourceTable table, RowState row) {
        if (table.writes() == null) {
            throw new InvalidInputException(List.of(new FieldError(table.name(), row.ref()
                    + " cannot reach the cloud: the " + table.name() + " table is filled by the cloud alone.")));
        }
    }
}
