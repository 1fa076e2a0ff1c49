package dev.tablecloud.web.ui.transaction;

/**
 * One changed column of a preview row, from the engine's "column: old → new".
 *
 * @param oldValue null when the text carries no old value (a create lists what the row sets)
 */
record DiffLine(String column, String oldValue, String newValue) {

    static final String ARROW = dev.tablecloud.web.ui.changes.ColumnChangeList.ARROW;

    static DiffLine parse(String change) {
        int colon = change.indexOf(": ");
        if (colon < 0) {
            return new DiffLine(change, null, null);
        }
        String column = change.substring(0, colon);
        String values = change.substring(colon + 2);
        int arrow = values.indexOf(ARROW);
        if (arrow < 0) {
            return new DiffLine(column, null, values);
        }
        return new DiffLine(column, values.substring(0, arrow), values.substring(arrow + ARROW.length()));
    }
}
