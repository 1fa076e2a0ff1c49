package dev.tablecloud.audit;

import dev.tablecloud.module.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The columns that differ between an audited row's image before and after a change. */
public final class ColumnChanges {

    private ColumnChanges() {
    }

    /**
     * @param oldJson the row before as jsonb text, null for an insert (or a marker)
     * @param newJson the row after, null for a delete
     * @return the differing columns, in the order the log's jsonb keeps its keys (the before image's,
     *         then those only the after image has); an insert lists its set columns, a delete every
     *         column it had
     */
    public static List<ColumnChange> between(String oldJson, String newJson) {
        JsonObject before = object(oldJson);
        JsonObject after = object(newJson);
        Set<String> columns = new LinkedHashSet<>(before.keySet());
        columns.addAll(after.keySet());
        List<ColumnChange> changes = new ArrayList<>();
        for (String column : columns) {
            String was = text(before.get(column));
            String is = text(after.get(column));
            boolean differs = was == null ? is != null : !was.equals(is) || !sameJson(before.get(column), after.get(column));
            if (differs) {
                changes.add(new ColumnChange(column, was, is));
            }
        }
        return changes;
    }

    private static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue value = JsonDocuments.parse(json);
        return value instanceof JsonObject row ? row : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Strings without their quotes, SQL NULL and absent as null, the rest as JSON. */
    private static String text(JsonValue value) {
        return value == null || value == JsonValue.NULL ? null : JsonDocuments.text(value);
    }

    /** The string "1" and the number 1 read alike but are not the same value. */
    private static boolean sameJson(JsonValue one, JsonValue other) {
        return one == null ? other == null : one.equals(other);
    }
}
