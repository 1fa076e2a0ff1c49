package dev.tablecloud.drift;

import dev.tablecloud.audit.ColumnChange;

import java.time.Instant;
import java.util.List;

/**
 * One row the cloud changed by hand, as the sync that found it wrote it.
 *
 * @param position the audit entry's id
 * @param kind     appeared (made in the cloud), changed, or vanished (deleted in the cloud)
 * @param row      how people know the row (its Name tag, a name, a block, or its id)
 * @param changes  old → new: every column of a row that appeared or vanished, the changed ones otherwise
 * @param foundBy  who synced: a user's "sync now", or the drift schedule
 */
public record DriftChange(long position, Instant at, String table, String kind, String row,
                          List<ColumnChange> changes, String foundBy) {

    public static final String APPEARED = "appeared";
    public static final String CHANGED = "changed";
    public static final String VANISHED = "vanished";
}
