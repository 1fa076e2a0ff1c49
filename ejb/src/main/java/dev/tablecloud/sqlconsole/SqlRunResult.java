package dev.tablecloud.sqlconsole;

import java.util.List;

/**
 * What running a script gave, one entry per statement that ran. The script stops at the first
 * failing statement, which is the last entry and carries the error.
 *
 * @param ok         true when every statement ran without error
 * @param notice     what happened to the statements' changes when that is not simply "kept": which
 *                   were rolled back with a failing statement, or with a BEGIN block the script left
 *                   open; null when every change that ran is committed
 */
public record SqlRunResult(boolean ok, List<StatementResult> statements, String notice) {

    public SqlRunResult(boolean ok, List<StatementResult> statements) {
        this(ok, statements, null);
    }

    /**
     * One statement's outcome: a result set (columns, rows, truncated when more rows existed than
     * were returned), or an update count, or an error. {@code rolledBack} is true when the
     * statement ran but what it changed was undone afterwards (by a later failing statement of the
     * same transaction, or a ROLLBACK); null otherwise.
     */
    public record StatementResult(String sql, List<Column> columns, List<List<Object>> rows, Boolean truncated,
                                  Long updateCount, SqlError error, Boolean rolledBack) {

        public StatementResult(String sql, List<Column> columns, List<List<Object>> rows, Boolean truncated,
                               Long updateCount, SqlError error) {
            this(sql, columns, rows, truncated, updateCount, error, null);
        }

        StatementResult undone() {
            return new StatementResult(sql, columns, rows, truncated, updateCount, error, true);
        }
    }

    public record Column(String name, String type) {
    }

    /**
     * PostgreSQL's error. {@code position} is 1-based in the whole script (null when PostgreSQL
     * gave none); {@code sqlState} is PostgreSQL's error code.
     */
    public record SqlError(String message, String sqlState, Integer position, String detail, String hint) {
    }
}
