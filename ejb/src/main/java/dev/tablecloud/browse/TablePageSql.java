package dev.tablecloud.browse;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.SqlNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a page of one table: names checked against the table's real columns (they cannot be
 * parameters), the filter text a parameter. Rows are ordered by the sort column and then by the
 * first column, so pages do not overlap when the sort column has equal values.
 */
final class TablePageSql {

    static final int MAX_LIMIT = 500;

    private final String table;
    private final List<String> columns;

    TablePageSql(String table, List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " has no columns");
        }
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** Select list: the row as JSON first, then every column as text. Parameters: {@link #parameters}. */
    String page(TableQuery query) {
        check(query);
        StringBuilder sql = new StringBuilder("select to_jsonb(t)::text");
        for (String column : columns) {
            sql.append(", t.").append(SqlNames.quote(column)).append("::text");
        }
        sql.append(" from ").append(SqlNames.quote(table)).append(" t").append(where(query));
        String first = SqlNames.quote(columns.get(0));
        String direction = query.descending() ? " desc" : " asc";
        if (query.sortColumn() == null || query.sortColumn().equals(columns.get(0))) {
            sql.append(" order by t.").append(first).append(direction);
        } else {
            sql.append(" order by t.").append(SqlNames.quote(query.sortColumn())).append(direction)
                    .append(query.descending() ? " nulls last" : " nulls first")
                    .append(", t.").append(first);
        }
        sql.append(" limit ").append(query.limit()).append(" offset ").append(query.offset());
        return sql.toString();
    }

    String count(TableQuery query) {
        check(query);
        return "select count(*) from " + SqlNames.quote(table) + " t" + where(query);
    }

    /** The values of the placeholders of {@link #page} and {@link #count}, in order. */
    List<String> parameters(TableQuery query) {
        List<String> values = new ArrayList<>();
        if (hasFilter(query)) {
            values.add("%" + escapeLike(query.filter().trim()) + "%");
        }
        return values;
    }

    private String where(TableQuery query) {
        if (!hasFilter(query)) {
            return "";
        }
        String searched = query.filterColumn() == null ? "to_jsonb(t)::text"
                : "t." + SqlNames.quote(query.filterColumn()) + "::text";
        return " where " + searched + " ilike ? escape '\\'";
    }

    private static boolean hasFilter(TableQuery query) {
        return query.filter() != null && !query.filter().isBlank();
    }

    /** A person's text is searched for as typed: % and _ are not wildcards. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void check(TableQuery query) {
        List<FieldError> errors = new ArrayList<>();
        if (query.sortColumn() != null && !columns.contains(query.sortColumn())) {
            errors.add(new FieldError("sortColumn", "Table " + table + " has no column '" + query.sortColumn()
                    + "': sort by one of " + String.join(", ", columns) + "."));
        }
        if (query.filterColumn() != null && !columns.contains(query.filterColumn())) {
            errors.add(new FieldError("filterColumn", "Table " + table + " has no column '" + query.filterColumn()
                    + "': filter on one of " + String.join(", ", columns) + "."));
        }
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            errors.add(new FieldError("limit", "Ask for 1 to " + MAX_LIMIT + " rows at a time, not " + query.limit() + "."));
        }
        if (query.offset() < 0) {
            errors.add(new FieldError("offset", "The offset counts rows from 0, not " + query.offset() + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
