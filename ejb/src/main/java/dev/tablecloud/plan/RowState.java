package dev.tablecloud.plan;

import java.util.List;
import java.util.Map;

/**
 * A row as the database holds it.
 *
 * @param cloudId the value of the table's cloud id column, null before the row's first create; for a
 *                link table the derived id, null while a parent has no cloud id yet
 * @param values  the other columns as JDBC returns them: String (text, cidr, jsonb), Boolean, Integer
 *                or Long, or null
 * @param parents foreign key column to the row it points at; columns holding null are absent
 * @param links   for a row of a table whose create makes its links
 *                ({@link dev.tablecloud.module.CloudWrites#createdWithLinks}), by link table, the rows
 *                the database links it to now, touched by the transaction or not: a create, and the
 *                create half of a replace, makes the resource with all of them; empty otherwise
 */
public record RowState(String table, String rowId, String cloudId, String region, Map<String, Object> values,
                       Map<String, RowRef> parents, Map<String, List<RowRef>> links) {

    public RowState {
        values = values == null ? Map.of() : values;
        parents = parents == null ? Map.of() : Map.copyOf(parents);
        links = links == null ? Map.of() : Map.copyOf(links);
    }

    /** A row whose create makes no links. */
    public RowState(String table, String rowId, String cloudId, String region, Map<String, Object> values,
                    Map<String, RowRef> parents) {
        this(table, rowId, cloudId, region, values, parents, Map.of());
    }

    /** The same row, linked to {@code links}. */
    public RowState withLinks(Map<String, List<RowRef>> links) {
        return new RowState(table, rowId, cloudId, region, values, parents, links);
    }

    public RowRef ref() {
        return new RowRef(table, rowId);
    }
}
