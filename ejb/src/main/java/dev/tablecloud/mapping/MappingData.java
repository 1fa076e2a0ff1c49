package dev.tablecloud.mapping;

/**
 * One value mapping of a target environment.
 *
 * @param id     assigned when stored
 * @param kind   {@code value}, {@code region}, {@code availability_zone} or {@code name} ({@link MappingKind})
 * @param table  the table it is limited to; null: every table
 * @param column the column it rewrites: required for {@code value}, optional for {@code name},
 *               none for regions and zones (they have their own columns)
 * @param from   the value it replaces (for {@code name}: the text inside names)
 * @param to     what the target environment uses instead
 */
public record MappingData(Long id, String kind, String table, String column, String from, String to) {

    /** How the mapping reads in a script's comments and the list of mappings that fired. */
    public String describe() {
        String where = column == null ? (table == null ? "" : " in " + table)
                : " of " + (table == null ? column : table + "." + column);
        return kind + where + ": '" + from + "' → '" + to + "'";
    }
}
