package dev.tablecloud.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * @param writes          how users' rows reach the cloud; null for a table the cloud alone fills
 * @param portableKey     how a row is found in another environment database (exported SQL); null
 *                        when the table declares none
 * @param databaseColumns columns of the table that no read fills and no write sends, with their
 *                        types: kept by the database itself (a trigger's other form of a value,
 *                        IaSQL's user settings such as a region's is_enabled)
 *
 * <p>Together these declare every column of the table ({@link #declaredColumns()}), which a test
 * holds the module's DDL to, column by column.
 */
public record ResourceTable(String name, String rowIdColumn, String cloudIdColumn, Map<String, String> columns,
                            Map<String, String> parentColumns, boolean regional, boolean removesVanished,
                            Set<String> userPrivileges, CloudReader reader, CloudWrites writes,
                            PortableKey portableKey, Map<String, String> databaseColumns) {

    public ResourceTable {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        parentColumns = Collections.unmodifiableMap(new LinkedHashMap<>(parentColumns));
        databaseColumns = Collections.unmodifiableMap(new LinkedHashMap<>(databaseColumns));
    }

    /** A table without columns of the database's own. */
    public ResourceTable(String name, String rowIdColumn, String cloudIdColumn, Map<String, String> columns,
                         Map<String, String> parentColumns, boolean regional, boolean removesVanished,
                         Set<String> userPrivileges, CloudReader reader, CloudWrites writes,
                         PortableKey portableKey) {
        this(name, rowIdColumn, cloudIdColumn, columns, parentColumns, regional, removesVanished, userPrivileges,
                reader, writes, portableKey, Map.of());
    }

    /** A table without a portable key (yet). */
    public ResourceTable(String name, String rowIdColumn, String cloudIdColumn, Map<String, String> columns,
                         Map<String, String> parentColumns, boolean regional, boolean removesVanished,
                         Set<String> userPrivileges, CloudReader reader, CloudWrites writes) {
        this(name, rowIdColumn, cloudIdColumn, columns, parentColumns, regional, removesVanished, userPrivileges,
                reader, writes, null);
    }

    /** A table without a write half (yet): rows come from the cloud only. */
    public ResourceTable(String name, String rowIdColumn, String cloudIdColumn, Map<String, String> columns,
                         Map<String, String> parentColumns, boolean regional, boolean removesVanished,
                         Set<String> userPrivileges, CloudReader reader) {
        this(name, rowIdColumn, cloudIdColumn, columns, parentColumns, regional, removesVanished, userPrivileges,
                reader, null);
    }

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

    /** The same table, whose rows users' commits write to the cloud through {@code writes}. */
    public ResourceTable writtenBy(CloudWrites writes) {
        return new ResourceTable(name, rowIdColumn, cloudIdColumn, columns, parentColumns, regional, removesVanished,
                userPrivileges, reader, writes, portableKey, databaseColumns);
    }

    /** The same table, whose rows exported SQL finds by {@code key}. */
    public ResourceTable withPortableKey(PortableKey key) {
        return new ResourceTable(name, rowIdColumn, cloudIdColumn, columns, parentColumns, regional, removesVanished,
                userPrivileges, reader, writes, key, databaseColumns);
    }

    /** The same table, with these columns of the database's own (names and types, as {@link #columns}). */
    public ResourceTable withDatabaseColumns(String... namesAndTypes) {
        return new ResourceTable(name, rowIdColumn, cloudIdColumn, columns, parentColumns, regional, removesVanished,
                userPrivileges, reader, writes, portableKey, columns(namesAndTypes));
    }

    /**
     * Every column of the table with its PostgreSQL type: the row id (a serial, or the resource's
     * own name), the cloud id, the columns read from the cloud, the foreign keys (to a parent's
     * serial id), the region of a regional table, and the database's own columns.
     */
    public Map<String, String> declaredColumns() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(rowIdColumn, hasNaturalKey() || !rowIdColumn.equals("id") ? "text" : "serial");
        if (storesCloudId()) {
            all.putIfAbsent(cloudIdColumn, "text");
        }
        all.putAll(columns);
        parentColumns.keySet().forEach(column -> all.put(column, "integer"));
        if (regional) {
            all.put("region", "text");
        }
        all.putAll(databaseColumns);
        return all;
    }

    /**
     * The columns (and foreign keys) where the row and the resource differ, ignoring what the cloud
     * generates: the equality of the adapter contract. Empty when the resource is as the row wants.
     */
    public List<String> differingColumns(DesiredResource row, CloudResource resource) {
        Set<String> generated = writes == null ? Set.of() : writes.generated();
        Set<String> chosenByCloud = writes == null ? Set.of() : writes.chosenByCloud();
        List<String> differing = new ArrayList<>();
        columns.forEach((column, type) -> {
            if (generated.contains(column) || column.equals(cloudIdColumn)) {
                return;
            }
            Object wanted = row.values().get(column);
            if (wanted == null && chosenByCloud.contains(column)) {
                return;
            }
            if (!ColumnValues.same(type, wanted, resource.values().get(column))) {
                differing.add(column);
            }
        });
        parentColumns.keySet().forEach(column -> {
            String wanted = row.parent(column);
            if (wanted == null && chosenByCloud.contains(column)) {
                return;
            }
            CloudResource.ParentRef actual = resource.parents().get(column);
            if (!Objects.equals(wanted, actual == null ? null : actual.cloudId())) {
                differing.add(column);
            }
        });
        return differing;
    }

    /**
     * Whether changing these columns needs a new resource rather than an update in place: any
     * change, for a kind that changes nothing in place.
     */
    public boolean needsReplace(List<String> differingColumns) {
        if (writes == null || differingColumns.isEmpty()) {
            return false;
        }
        return !writes.changesInPlace() || differingColumns.stream().anyMatch(writes.replacedOn()::contains);
    }

    /**
     * The columns users set whose change replaces the resource: those the writes name, or every
     * column users set (foreign keys too) of a kind that changes nothing in place.
     */
    public Set<String> replacedOn() {
        if (writes == null) {
            return Set.of();
        }
        if (writes.changesInPlace()) {
            return writes.replacedOn();
        }
        Set<String> all = new java.util.TreeSet<>(columns.keySet());
        all.addAll(parentColumns.keySet());
        all.removeAll(writes.generated());
        all.remove(cloudIdColumn);
        return all;
    }

    /**
     * Whether a user's row sets this column: not the serial id, the cloud id, or what the cloud
     * generates. What exported SQL writes, and what a re-inserted row keeps, so that the commit
     * creates its resource anew.
     */
    public boolean setByUsers(String column) {
        if (!hasNaturalKey() && (column.equals(rowIdColumn) || (storesCloudId() && column.equals(cloudIdColumn)))) {
            return false;
        }
        return writes == null || !writes.generated().contains(column);
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

    /** True where the primary key is the resource's own name (a bucket), false for a serial id. */
    public boolean hasNaturalKey() {
        return rowIdColumn.equals(cloudIdColumn);
    }

    List<String> parentTables() {
        return List.copyOf(parentColumns.values());
    }
}
