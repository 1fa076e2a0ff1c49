package dev.tablecloud.export;

import java.util.List;

/**
 * @param statements SQL statements in audit order, each ending with a semicolon: together a
 *                   runnable script
 * @param problems   the changes left out, in audit order
 */
public record ExportResult(List<String> statements, List<Problem> problems) {

    public ExportResult {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    /** The statements as one script, a statement a line. */
    public String script() {
        return statements.isEmpty() ? "" : String.join("\n", statements) + "\n";
    }
}
