package dev.tablecloud.audit;

/**
 * One column of an audited row that a change set, changed or cleared.
 *
 * @param oldValue the value before, as JSON shows it (strings without quotes); null when the
 *                 column was absent or SQL NULL
 * @param newValue the value after, the same way
 */
public record ColumnChange(String column, String oldValue, String newValue) {
}
