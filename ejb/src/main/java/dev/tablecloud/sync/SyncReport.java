package dev.tablecloud.sync;

import java.util.Map;

/**
 * What a sync changed. A sync of an unchanged account reports no change.
 *
 * @param changesByTable per table: rows inserted, updated, deleted
 */
public record SyncReport(long apiCalls, long inserted, long updated, long deleted, Map<String, TableChanges> changesByTable,
                         long millis) {

    public record TableChanges(long inserted, long updated, long deleted) {
    }
}
