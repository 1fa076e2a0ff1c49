package dev.tablecloud.sqlconsole;

import java.util.List;

/**
 * What running a script gave, one entry per statement that ran. The script stops at the first
 * failing statement, which is the last entry and carries the error.
 *
 * @param ok true when every statement ran without error
 */
public record SqlRunResult(boolean ok, List<StatementResult> statements) {

    /**
     * One statement's outcome: a result set (columns, rows, truncated when more rows existed than
     * were returned), or an update count, or an error.
     */
    public record StatementResult(String sql, List<Column> columns, List<List<Object>> rows, Boolean truncated,
                                  Long updateCount, SqlError error) {
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
