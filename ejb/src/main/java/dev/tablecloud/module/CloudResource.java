package dev.tablecloud.module;

import java.util.Map;

/**
 * One resource as the cloud reports it, in the terms of its table.
 *
 * @param cloudId the value of the table's cloud id column
 * @param values  column name to value (String, Boolean, Number, or null); text forms of cidr and
 *                jsonb are fine, the database casts them
 * @param parents column name to the parent resource the column points at, by the parent's cloud id
 */
public record CloudResource(String cloudId, String region, Map<String, Object> values, Map<String, ParentRef> parents) {

    /**
     * A foreign key expressed by the parent's cloud id, resolved to the parent's row id on write.
     * A resource whose required parent is not in the table is left out of a sync (it will be read
     * again next time); an optional parent that is not there (another account's group) is null.
     */
    public record ParentRef(String table, String cloudId, boolean required) {

        public static ParentRef required(String table, String cloudId) {
            return new ParentRef(table, cloudId, true);
        }

        public static ParentRef optional(String table, String cloudId) {
            return new ParentRef(table, cloudId, false);
        }
    }
}
