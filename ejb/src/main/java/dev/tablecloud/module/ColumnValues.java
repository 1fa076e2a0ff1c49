package dev.tablecloud.module;

import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * Equality of one column's value in a row and in the cloud, by the column's PostgreSQL type: the
 * row holds what JDBC returned, the cloud what an adapter read, and the two spell the same value
 * differently (key order in jsonb, 8 and 8L, an empty tag set and no tags).
 */
public final class ColumnValues {

    private ColumnValues() {
    }

    public static boolean same(String type, Object a, Object b) {
        if (type.equals("jsonb")) {
            return Objects.equals(json(a), json(b));
        }
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return switch (type) {
            case "integer", "bigint", "smallint" -> new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            case "boolean" -> Boolean.parseBoolean(a.toString()) == Boolean.parseBoolean(b.toString());
            case "cidr", "inet" -> a.toString().toLowerCase(Locale.ROOT).equals(b.toString().toLowerCase(Locale.ROOT));
            default -> a.toString().equals(b.toString());
        };
    }

    /** Parsed JSON; an empty object or array counts as no value, as AWS reports no tags. */
    private static JsonValue json(Object value) {
        if (value == null) {
            return null;
        }
        JsonValue parsed = JsonDocuments.parse(value.toString());
        boolean empty = (parsed instanceof jakarta.json.JsonObject object && object.isEmpty())
                || (parsed instanceof jakarta.json.JsonArray array && array.isEmpty());
        return empty ? null : parsed;
    }
}
