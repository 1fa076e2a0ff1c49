package dev.tablecloud.browse;

import java.util.List;

/**
 * Rows of a resource table.
 *
 * @param columns the table's columns, in their order
 * @param rows    each row's values as PostgreSQL shows them as text (null for SQL NULL), and the
 *                whole row as JSON
 */
public record TablePage(String table, List<String> columns, List<Row> rows) {

    public record Row(List<String> values, String json) {
    }
}
