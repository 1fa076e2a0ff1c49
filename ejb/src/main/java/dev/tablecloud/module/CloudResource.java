package dev.tablecloud.module;

import java.util.HashMap;
import java.util.Map;

/**
 * One resource as the cloud reports it, in the terms of its table.
 *
 * @param cloudId the value of the table's cloud id column
 * @param values  column name to value (String, Boolean, Number, or null); text forms of cidr and
 *                jsonb are fine, the database casts them. A column the read did not ask about (an
 *                attribute AWS reports one resource per call, left out by {@link DetailedReads}) is
 *                absent rather than null: a sync keeps what the row holds for it
 * @param parents column name to the parent resource the column points at, by the parent's cloud id
 */
public record CloudResource(String cloudId, String region, Map<String, Object> values, Map<String, ParentRef> parents) {

    /** The same resource with one more column's value (which may be null). */
    public CloudResource with(String column, Object value) {
        Map<String, Object> more = new HashMap<>(values);
        more.put(column, value);
        return new CloudResource(cloudId, region, more, parents);
    }

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
