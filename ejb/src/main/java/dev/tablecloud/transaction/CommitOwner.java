package dev.tablecloud.transaction;

import java.util.UUID;

/**
 * Names who holds a COMMITTING transaction: this server node and one run, so that a node that
 * restarts does not mistake an earlier run of its own for a live one, and recovery can tell a
 * commit from a rollback.
 */
final class CommitOwner {

    static final String COMMIT = "commit";
    static final String ROLLBACK = "rollback";

    private CommitOwner() {
    }

    static String commit() {
        return COMMIT + "@" + node() + "/" + UUID.randomUUID();
    }

    static String rollback() {
        return ROLLBACK + "@" + node() + "/" + UUID.randomUUID();
    }

    static boolean isRollback(String owner) {
        return owner != null && owner.startsWith(ROLLBACK + "@");
    }

    private static String node() {
        return System.getProperty("jboss.node.name", "tablecloud");
    }
}
