package dev.tablecloud.plan;

/** A row of a resource table, by its primary key (text form): what foreign keys point at. */
public record RowRef(String table, String rowId) {

    @Override
    public String toString() {
        return table + " row " + rowId;
    }
}
