package dev.tablecloud.export;

import dev.tablecloud.mapping.FiredMapping;

import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL that replays a transaction's changes (or all changes since a moment) in another
 * environment.
 *
 * @param transactionId null for the changes since a moment
 * @param target        the environment whose value mappings were applied; null for none
 * @param statements    runnable in order, each ending with a semicolon
 * @param problems      changes left out, each naming its row and why (no portable key…)
 * @param mapped        the target's mappings that changed something, with what they changed
 */
public record TransactionSql(Long transactionId, String target, List<String> statements, List<String> problems,
                             List<FiredMapping> mapped) {

    /** A script: problems and mappings as comments first, so nobody runs it unaware of them. */
    public String script() {
        StringBuilder script = new StringBuilder("-- Tablecloud: the changes of "
                + (transactionId == null ? "the chosen time on" : "transaction " + transactionId)
                + (target == null ? "" : ", for " + target) + "\n");
        comments().forEach(comment -> script.append(comment).append('\n'));
        statements.forEach(statement -> script.append(statement).append('\n'));
        return script.toString();
    }

    /** What the script's comments say before its statements: what is left out, and what was mapped. */
    public List<String> comments() {
        return Stream.concat(
                problems.stream().map(problem -> "-- not exported: " + oneLine(problem)),
                mapped.stream().map(fired -> "-- mapped: " + oneLine(fired.mapping().describe()) + " ("
                        + oneLine(String.join("; ", fired.rewrites())) + ")")).toList();
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
