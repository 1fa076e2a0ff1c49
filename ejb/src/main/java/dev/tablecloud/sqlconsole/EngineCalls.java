package dev.tablecloud.sqlconsole;

import java.util.List;

/**
 * Answers the iasql_* functions that only the engine can carry out (install, sync...). The
 * functions in the database hand such a call over as an error with SQLSTATE TC001.
 */
@FunctionalInterface
public interface EngineCalls {

    /** SQLSTATE the database functions raise to hand a call to the engine. */
    String HANDOVER = "TC001";

    Answer call(String function, List<String> arguments);

    /** The rows the function returns. */
    record Answer(List<SqlRunResult.Column> columns, List<List<Object>> rows) {
    }
}
