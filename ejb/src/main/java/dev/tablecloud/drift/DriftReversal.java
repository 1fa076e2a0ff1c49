package dev.tablecloud.drift;

import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.SqlNames;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How rows the cloud changed by hand are put back as they were before the drift, from the audit
 * log: a row that appeared is deleted, a row that vanished is inserted again without the columns
 * the cloud sets (so that the commit creates its resource anew), a changed row gets back the old
 * values of the columns users set. A row that is no longer as its drift left it (a person changed
 * it, or it was reverted already) is not the drift's any more: it is superseded. Several drift
 * syncs in a row on one row fold: it goes back to before the first.
 */
final class DriftReversal {

    static final String UPDATE = "update";
    static final String DELETE = "delete";
    static final String INSERT = "insert";

    private DriftReversal() {
    }

    /**
     * One audit entry on a row.
     *
     * @param drift whether a sync outside any transaction wrote it (within a drift run)
     * @param by    who made it, as the audit log names them
     */
    record Entry(long position, JsonObject old, JsonObject now, boolean drift, String changeType, String by) {
    }

    /**
     * A row's audit entries from the first drift to revert on.
     *
     * @param name   how people know the row
     * @param chosen the positions of its drift entries to revert
     */
    record RowHistory(ResourceTable table, String name, List<Entry> entries, Set<Long> chosen) {
    }

    /** What reverting one row comes to. */
    sealed interface Outcome permits Step, Superseded, Unchanged {
    }

    /**
     * A statement to run as the user.
     *
     * @param before  the row as it was before the drift (null for a row that appeared)
     * @param current the row as it is now (null for a row that vanished)
     * @param columns the columns an update sets back
     */
    record Step(ResourceTable table, String name, String kind, JsonObject before, JsonObject current,
                List<String> columns) implements Outcome {

        /** "update vpc 'web': tags", "delete subnet '10.0.1.0/24'", "insert subnet 'app'" */
        String describe() {
            return kind + " " + table.name() + " '" + name + "'" + (kind.equals(UPDATE) ? ": "
                    + String.join(", ", columns) : "");
        }
    }

    /** The row changed again after the drift, by {@code by}. */
    record Superseded(String table, String name, Entry by) implements Outcome {

        String describe() {
            return table + " '" + name + "' changed again since the drift (audit " + by.position() + ", "
                    + by.changeType() + " by " + by.by() + ")";
        }
    }

    /** Nothing to put back: the drift changed only what the cloud sets, or the row came and went. */
    record Unchanged(String table, String name) implements Outcome {
    }

    /**
     * Compares images by the columns users set only: what the cloud sets by itself (a state, a
     * count) changes without anyone, and a rolled-back change and the sync that undid it cancel
     * out. The row must still be as its last drift left it; the drift entries before that one
     * fold in as long as nothing else changed the row between them.
     *
     * @param explicit the drift entries were chosen by position: one of them that another change
     *                 came after is refused, not left out
     */
    static Outcome of(RowHistory row, boolean explicit) {
        ResourceTable table = row.table();
        List<Entry> entries = row.entries().stream().sorted(Comparator.comparingLong(Entry::position)).toList();
        List<Entry> drift = entries.stream().filter(Entry::drift).toList();
        Entry last = drift.get(drift.size() - 1);
        JsonObject current = entries.get(entries.size() - 1).now();
        if (!same(table, last.now(), current)) {
            return new Superseded(table.name(), row.name(), lastChangeAfter(table, entries, last.position()));
        }
        int start = drift.size() - 1;
        while (start > 0 && same(table, drift.get(start - 1).now(), drift.get(start).old())) {
            start--;
        }
        List<Entry> chain = drift.subList(start, drift.size());
        boolean left = drift.subList(0, start).stream().anyMatch(entry -> row.chosen().contains(entry.position()));
        if (chain.stream().noneMatch(entry -> row.chosen().contains(entry.position())) || (explicit && left)) {
            return new Superseded(table.name(), row.name(), lastChangeAfter(table, entries, drift.get(0).position()));
        }
        JsonObject before = chain.get(0).old();
        if (before == null && current == null) {
            return new Unchanged(table.name(), row.name());
        }
        if (before == null) {
            return new Step(table, row.name(), DELETE, null, current, List.of());
        }
        if (current == null) {
            return new Step(table, row.name(), INSERT, before, null, List.of());
        }
        List<String> columns = differing(table, before, current);
        return columns.isEmpty() ? new Unchanged(table.name(), row.name())
                : new Step(table, row.name(), UPDATE, before, current, columns);
    }

    /**
     * Whether the row is the same as far as people are concerned: the columns users set, but the
     * foreign keys, which a sync renumbers when it puts back a parent a rolled-back transaction had
     * deleted (AWS moves no resource to another parent in place anyway).
     */
    /**
     * The columns users set of the image, foreign keys and nulls left out: what finds the row
     * again once it is back in the table (reverted already, or made again by hand).
     */
    static JsonObject recognisable(ResourceTable table, JsonObject image) {
        JsonObjectBuilder kept = JsonDocuments.PROVIDER.createObjectBuilder();
        image.forEach((column, value) -> {
            if (table.setByUsers(column) && !table.databaseColumns().containsKey(column)
                    && !table.parentColumns().containsKey(column) && value.getValueType() != JsonValue.ValueType.NULL) {
                kept.add(column, value);
            }
        });
        return kept.build();
    }

    private static boolean same(ResourceTable table, JsonObject one, JsonObject other) {
        if (one == null || other == null) {
            return one == other;
        }
        return differing(table, one, other).stream().allMatch(table.parentColumns()::containsKey);
    }

    private static List<String> differing(ResourceTable table, JsonObject one, JsonObject other) {
        List<String> columns = new ArrayList<>();
        for (String column : table.declaredColumns().keySet()) {
            if (table.setByUsers(column) && !table.databaseColumns().containsKey(column)
                    && !Objects.equals(value(one, column), value(other, column))) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** The latest change after that position that no drift sync wrote and that changed what users set. */
    private static Entry lastChangeAfter(ResourceTable table, List<Entry> entries, long position) {
        Entry found = entries.get(entries.size() - 1);
        for (Entry entry : entries) {
            if (entry.position() > position && !entry.drift() && !same(table, entry.old(), entry.now())) {
                found = entry;
            }
        }
        return found;
    }

    /**
     * The steps in an order the foreign keys allow: deletes children first, then inserts parents
     * first (a child re-inserted with its parent points at the parent's new row), then updates.
     *
     * @param tablesInDependencyOrder parents before children
     */
    static List<Step> ordered(List<Step> steps, List<String> tablesInDependencyOrder) {
        Comparator<Step> parentsFirst = Comparator.comparingInt(step -> tablesInDependencyOrder.indexOf(step.table().name()));
        List<Step> ordered = new ArrayList<>();
        steps.stream().filter(step -> step.kind().equals(DELETE)).sorted(parentsFirst.reversed()).forEach(ordered::add);
        steps.stream().filter(step -> step.kind().equals(INSERT)).sorted(parentsFirst).forEach(ordered::add);
        steps.stream().filter(step -> step.kind().equals(UPDATE)).sorted(parentsFirst).forEach(ordered::add);
        return ordered;
    }

    /** A step found no row to change: the row changed meanwhile. */
    static final class RowGone extends Exception {
        RowGone(String message) {
            super(message);
        }
    }

    /**
     * Runs the ordered steps on the connection (the caller commits). Values go through
     * {@code jsonb_populate_record}, so each takes its column's type as the audit log wrote it.
     */
    static void apply(Connection connection, List<Step> ordered) throws SQLException, RowGone {
        // (table, old row id) → the re-inserted row's id, for the foreign keys of its children
        Map<String, JsonValue> reinserted = new HashMap<>();
        for (Step step : ordered) {
            ResourceTable table = step.table();
            String name = SqlNames.quote(table.name());
            String rowId = SqlNames.quote(table.rowIdColumn());
            String image = "jsonb_populate_record(null::" + name + ", ?::jsonb)";
            switch (step.kind()) {
                case DELETE -> {
                    try (PreparedStatement delete = connection.prepareStatement("delete from " + name + " where "
                            + rowId + " = (" + image + ")." + rowId)) {
                        delete.setString(1, step.current().toString());
                        expectOne(delete.executeUpdate(), step);
                    }
                }
                case INSERT -> {
                    JsonObject before = withNewParents(table, step.before(), reinserted);
                    List<String> columns = before.keySet().stream().filter(table::setByUsers)
                            .filter(column -> !table.databaseColumns().containsKey(column))
                            .filter(column -> before.get(column).getValueType() != JsonValue.ValueType.NULL).toList();
                    String list = String.join(", ", columns.stream().map(SqlNames::quote).toList());
                    String sql = columns.isEmpty() ? "insert into " + name + " default values returning " + rowId
                            : "insert into " + name + " (" + list + ") select " + list + " from " + image
                            + " returning " + rowId;
                    try (PreparedStatement insert = connection.prepareStatement(sql)) {
                        if (!columns.isEmpty()) {
                            insert.setString(1, before.toString());
                        }
                        try (ResultSet made = insert.executeQuery()) {
                            made.next();
                            JsonValue oldId = step.before().get(table.rowIdColumn());
                            if (oldId != null) {
                                reinserted.put(table.name() + ":" + JsonDocuments.text(oldId),
                                        JsonDocuments.PROVIDER.createValue(made.getLong(1)));
                            }
                        }
                    } catch (SQLException failed) {
                        throw new SQLException("Putting back " + step.describe() + " failed: " + failed.getMessage(),
                                failed.getSQLState(), failed);
                    }
                }
                default -> {
                    JsonObject before = withNewParents(table, step.before(), reinserted);
                    String list = String.join(", ", step.columns().stream().map(SqlNames::quote).toList());
                    try (PreparedStatement update = connection.prepareStatement("update " + name + " set (" + list
                            + ") = (select " + list + " from " + image + ") where " + rowId + " = (" + image + ")."
                            + rowId)) {
                        update.setString(1, before.toString());
                        update.setString(2, step.current().toString());
                        expectOne(update.executeUpdate(), step);
                    }
                }
            }
        }
    }

    private static void expectOne(int rows, Step step) throws RowGone {
        if (rows != 1) {
            throw new RowGone(step.table().name() + " '" + step.name() + "' is not in the table as the drift left it");
        }
    }

    /** The image with its foreign keys pointing at parents re-inserted before it. */
    private static JsonObject withNewParents(ResourceTable table, JsonObject image, Map<String, JsonValue> reinserted) {
        JsonObjectBuilder rewritten = JsonDocuments.PROVIDER.createObjectBuilder(image);
        table.parentColumns().forEach((column, parent) -> {
            JsonValue value = image.get(column);
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                JsonValue moved = reinserted.get(parent + ":" + JsonDocuments.text(value));
                if (moved != null) {
                    rewritten.add(column, moved);
                }
            }
        });
        return rewritten.build();
    }

    private static JsonValue value(JsonObject image, String column) {
        return image.getOrDefault(column, JsonValue.NULL);
    }
}
