package dev.tablecloud.module;

import java.util.List;
import java.util.Map;

/**
 * A row as users want the resource to be: what a {@link CloudWriter} creates or updates.
 *
 * @param table          the resource table
 * @param rowId          the row's primary key (text form)
 * @param cloudId        the cloud id the row holds, null before its first create
 * @param region         where the resource lives
 * @param values         the row's other columns: String (text, cidr, jsonb, timestamps), Boolean,
 *                       Integer or Long, or null
 * @param parentCloudIds foreign key column to the cloud id of the row it points at (null when the
 *                       column is null)
 * @param identity       a string unique to this row in this environment, for the identity tag or
 *                       client token that makes creates repeatable
 * @param linkedCloudIds for a create that makes its links ({@link CloudWrites#createdWithLinks}), by
 *                       link table, the cloud ids of the rows that table links this one to; empty
 *                       otherwise
 */
public record DesiredResource(String table, String rowId, String cloudId, String region, Map<String, Object> values,
                              Map<String, String> parentCloudIds, String identity,
                              Map<String, List<String>> linkedCloudIds) {

    public DesiredResource {
        linkedCloudIds = linkedCloudIds == null ? Map.of() : Map.copyOf(linkedCloudIds);
    }

    /** A row whose create makes no links, or that is not being created. */
    public DesiredResource(String table, String rowId, String cloudId, String region, Map<String, Object> values,
                           Map<String, String> parentCloudIds, String identity) {
        this(table, rowId, cloudId, region, values, parentCloudIds, identity, Map.of());
    }

    public String text(String column) {
        Object value = values.get(column);
        return value == null ? null : value.toString();
    }

    public Integer integer(String column) {
        Object value = values.get(column);
        return value == null ? null : ((Number) value).intValue();
    }

    public Boolean bool(String column) {
        return (Boolean) values.get(column);
    }

    public String parent(String column) {
        return parentCloudIds.get(column);
    }

    /** The cloud ids of the rows {@code linkTable} links this one to; empty when it links none. */
    public List<String> linked(String linkTable) {
        return linkedCloudIds.getOrDefault(linkTable, List.of());
    }

    /** How the row is named in messages: its table, row id and cloud id if it has one. */
    public String describe() {
        return table + " row " + rowId + (cloudId == null ? "" : " (" + cloudId + ")");
    }
}
