package dev.tablecloud.sqlconsole;

import java.util.List;
import java.util.Set;

/**
 * Answers the iasql_* functions that only the engine can carry out (install, sync...). The
 * functions in the database hand such a call over as an error with SQLSTATE TC001.
 */
@FunctionalInterface
public interface EngineCalls {

    /** SQLSTATE the database functions raise to hand a call to the engine. */
    String HANDOVER = "TC001";

    /**
     * Calls that work on the rows other sessions see: inside the script's own BEGIN … COMMIT block
     * the engine could not see the block's uncommitted changes, and would wait on its row locks.
     */
    Set<String> OUTSIDE_TRANSACTION_BLOCK = Set.of("preview", "commit", "rollback", "create_review");

    Answer call(String function, List<String> arguments);

    /** The rows the function returns. */
    record Answer(List<SqlRunResult.Column> columns, List<List<Object>> rows) {
    }
}
