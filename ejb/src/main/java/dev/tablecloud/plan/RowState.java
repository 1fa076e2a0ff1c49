package dev.tablecloud.plan;

import java.util.Map;

/**
 * A row as the database holds it.
 *
 * @param cloudId the value of the table's cloud id column, null before the row's first create; for a
 *                link table the derived id, null while a parent has no cloud id yet
 * @param values  the other columns as JDBC returns them: String (text, cidr, jsonb), Boolean, Integer
 *                or Long, or null
 * @param parents foreign key column to the row it points at; columns holding null are absent
 */
public record RowState(String table, String rowId, String cloudId, String region, Map<String, Object> values,
                       Map<String, RowRef> parents) {

    public RowState {
        values = values == null ? Map.of() : values;
        parents = parents == null ? Map.of() : Map.copyOf(parents);
    }

    public RowRef ref() {
        return new RowRef(table, rowId);
    }
}
