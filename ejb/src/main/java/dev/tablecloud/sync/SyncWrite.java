package dev.tablecloud.sync;

import dev.tablecloud.module.ResourceTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a snapshot into the tables, inside the caller's transaction: inserts and updates
 * parents first (children need their row ids), deletes children first (foreign keys); as far as
 * the scope reaches.
 */
public final class SyncWrite {

    private SyncWrite() {
    }

    /**
     * @param tables      the tables read, in dependency order
     * @param installed   every installed table: the parents of those read that were not read
     *                    themselves are looked up in the database, for foreign keys
     */
    public static SyncReport apply(Connection engine, List<ResourceTable> tables, List<ResourceTable> installed,
                                   CloudSnapshot snapshot, SyncScope scope, long startedNanos) throws SQLException {
        try (Statement sql = engine.createStatement()) {
            sql.execute("select set_config('tablecloud.change_type', 'SYNC', true)");
        }
        Map<String, Map<String, Object>> rowIdsByTable = new HashMap<>();
        Set<String> read = tables.stream().map(ResourceTable::name).collect(Collectors.toSet());
        for (ResourceTable parent : installed) {
            boolean parentOfARead = tables.stream().anyMatch(t -> t.parentColumns().containsValue(parent.name()));
            if (parentOfARead && !read.contains(parent.name())) {
                rowIdsByTable.put(parent.name(), TableWriter.rowIds(engine, parent, snapshot.regionsRead()));
            }
        }
        Coverage coverage = new Coverage(scope);
        List<TableWriter> writers = new ArrayList<>();
        for (ResourceTable table : tables) {
            TableWriter writer = new TableWriter(engine, table, rowIdsByTable, coverage);
            writer.upsert(snapshot.resourcesByTable().getOrDefault(table.name(), List.of()), snapshot.regionsRead());
            writers.add(writer);
        }
        Map<String, SyncReport.TableChanges> changes = new LinkedHashMap<>();
        long inserted = 0;
        long updated = 0;
        long deleted = 0;
        for (int i = writers.size() - 1; i >= 0; i--) {
            TableWriter writer = writers.get(i);
            long removed = writer.deleteVanished();
            changes.put(tables.get(i).name(), new SyncReport.TableChanges(writer.inserted, writer.updated, removed));
            inserted += writer.inserted;
            updated += writer.updated;
            deleted += removed;
        }
        Map<String, SyncReport.TableChanges> inTableOrder = new LinkedHashMap<>();
        tables.forEach(t -> inTableOrder.put(t.name(), changes.get(t.name())));
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        return new SyncReport(snapshot.apiCalls(), inserted, updated, deleted, inTableOrder, millis);
    }
}
