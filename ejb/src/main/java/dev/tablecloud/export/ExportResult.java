package dev.tablecloud.export;

import dev.tablecloud.mapping.FiredMapping;

import java.util.List;

/**
 * @param statements SQL statements in audit order, each ending with a semicolon: together a
 *                   runnable script
 * @param problems   the changes left out, in audit order
 * @param mapped     the target's mappings that changed something, with what they changed
 */
public record ExportResult(List<String> statements, List<Problem> problems, List<FiredMapping> mapped) {

    public ExportResult {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
        mapped = List.copyOf(mapped);
    }
}
