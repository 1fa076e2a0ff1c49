package dev.tablecloud.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One writer of an environment's tables at a time, across server nodes: a transaction-scoped
 * advisory lock in the environment database. A second sync or install waits, then sees what the
 * first wrote, instead of failing on the rows it inserted.
 */
public final class EnvironmentLock {

    private EnvironmentLock() {
    }

    /** Held until the caller's transaction ends. */
    public static void hold(Connection engine) throws SQLException {
        try (Statement sql = engine.createStatement()) {
            sql.execute("select pg_advisory_xact_lock(hashtext('tablecloud.environment-tables'))");
        }
    }
}
