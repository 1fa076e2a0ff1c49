package dev.tablecloud.sync;

/**
 * A sync outside any transaction changed rows: the cloud had been changed by hand (drift). Fired
 * after the sync's writes committed; the audit entries with {@code auditFrom < id <= auditTo} are
 * its changes.
 *
 * @param actor who synced: a user's "sync now", or {@value #SCHEDULE} for the drift job
 */
public record SyncFinished(String environment, String actor, long auditFrom, long auditTo, SyncReport report) {

    public static final String SCHEDULE = "drift schedule";
}
