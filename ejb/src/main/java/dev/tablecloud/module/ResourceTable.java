package dev.tablecloud.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module table whose rows are cloud resources, and how the cloud is read into it.
 *
 * @param rowIdColumn     the primary key (what foreign keys point at)
 * @param cloudIdColumn   the id the cloud assigns (the same as rowIdColumn for natural keys); for a
 *                        link table that stores no id of its own, an SQL expression in parentheses
 *                        that derives one from its parents
 * @param columns         columns filled from the cloud, with their PostgreSQL types
 * @param parentColumns   foreign key column to the table it points at, resolved by cloud id
 * @param regional        read once per enabled region (else once, in the default region)
 * @param removesVanished rows whose resource is gone from the cloud are deleted by a sync
 * @param userPrivileges  what users may do to rows besides reading them (insert, update, delete)
 */
public record ResourceTable(String name, String rowIdColumn, String cloudIdColumn, Map<String, String> columns,
                            Map<String, String> parentColumns, boolean regional, boolean removesVanished,
                            Set<String> userPrivileges, CloudReader reader) {

    public static final Set<String> ALL_CHANGES = Set.of("insert", "update", "delete");

    /** The usual shape: serial id, a cloud id column, regional, changed by users, synced from the cloud. */
    public static ResourceTable regional(String name, String cloudIdColumn, Map<String, String> columns,
                                         Map<String, String> parentColumns, CloudReader reader) {
        return new ResourceTable(name, "id", cloudIdColumn, columns, parentColumns, true, true, ALL_CHANGES, reader);
    }

    /**
     * A table that links two resources (instance to security group): its cloud id is derived from
     * the parents' cloud ids by {@code cloudIdSql}, and it is written and deleted with them.
     */
    public static ResourceTable link(String name, String cloudIdSql, Map<String, String> parentColumns,
                                     CloudReader reader) {
        return link(name, cloudIdSql, Map.of(), parentColumns, reader);
    }

    /** A resource without an id of its own in the cloud (a route), known by its parents and columns. */
    public static ResourceTable link(String name, String cloudIdSql, Map<String, String> columns,
                                     Map<String, String> parentColumns, CloudReader reader) {
        return new ResourceTable(name, "id", "(" + cloudIdSql + ")", columns, parentColumns, true, true, ALL_CHANGES,
                reader);
    }

    /** False for link tables, whose cloud id is derived, not stored. */
    public boolean storesCloudId() {
        return !cloudIdColumn.startsWith("(");
    }

    /** Column names and their PostgreSQL types, in the order given. */
    public static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return columns;
    }

    List<String> parentTables() {
        return List.copyOf(parentColumns.values());
    }
}
