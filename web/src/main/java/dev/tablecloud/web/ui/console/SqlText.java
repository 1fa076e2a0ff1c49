package dev.tablecloud.web.ui.console;

import java.util.Collection;
import java.util.stream.Collectors;

/** How SQL and values read in the console's results. */
final class SqlText {

    static final int SQL_SHOWN = 160;

    private SqlText() {
    }

    /** A statement on one line, its whitespace folded, shortened past {@value #SQL_SHOWN} characters. */
    static String oneLine(String sql) {
        String folded = sql == null ? "" : sql.strip().replaceAll("\\s+", " ");
        return folded.length() > SQL_SHOWN ? folded.substring(0, SQL_SHOWN - 1) + "…" : folded;
    }

    /** NULL as psql's \pset null would show it, arrays as PostgreSQL writes them. */
    static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(SqlText::cell).collect(Collectors.joining(",", "{", "}"));
        }
        return String.valueOf(value);
    }
}
