package dev.tablecloud.export;

import java.util.List;

/**
 * The SQL that replays a transaction's changes (or all changes since a moment) in another
 * environment.
 *
 * @param transactionId null for the changes since a moment
 * @param statements runnable in order, each ending with a semicolon
 * @param problems   changes left out, each naming its row and why (no portable key…)
 */
public record TransactionSql(Long transactionId, List<String> statements, List<String> problems) {

    /** A script: the problems as comments first, so nobody runs it unaware of what it lacks. */
    public String script() {
        StringBuilder script = new StringBuilder("-- Tablecloud: the changes of "
                + (transactionId == null ? "the chosen time on" : "transaction " + transactionId) + "\n");
        problems.forEach(problem -> script.append("-- not exported: ").append(problem.replace('\n', ' ')).append('\n'));
        statements.forEach(statement -> script.append(statement).append('\n'));
        return script.toString();
    }
}
