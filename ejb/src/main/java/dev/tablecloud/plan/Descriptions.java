package dev.tablecloud.plan;

import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.module.ResourceTable;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * How a plan names a resource to people: what they would call it, not a serial id. The order
 * follows what is most telling in the AWS console: the Name tag, then a name the table has, then the
 * cloud id.
 */
final class Descriptions {

    /** Columns that name a resource by themselves, most telling first. */
    private static final List<String> NAME_COLUMNS = List.of("name", "group_name", "domain_name", "cidr_block",
            "destination");

    private Descriptions() {
    }

    static String of(ResourceTable table, RowState row) {
        String tagName = tagName(table, row);
        if (tagName != null) {
            return tagName;
        }
        for (String column : NAME_COLUMNS) {
            Object value = row.values().get(column);
            if (table.columns().containsKey(column) && value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        if (row.cloudId() != null) {
            return row.cloudId();
        }
        return "new " + table.name() + " row " + row.rowId();
    }

    /** tags->>'Name'; tags that are not a JSON object name nothing (the adapter refuses them later). */
    private static String tagName(ResourceTable table, RowState row) {
        Object tags = row.values().get("tags");
        if (!"jsonb".equals(table.columns().get("tags")) || tags == null) {
            return null;
        }
        try {
            JsonValue parsed = JsonDocuments.parse(tags.toString());
            if (parsed instanceof JsonObject object && object.get("Name") instanceof JsonString name
                    && !name.getString().isBlank()) {
                return name.getString();
            }
            return null;
        } catch (JsonException notJson) {
            return null;
        }
    }
}
