package dev.tablecloud.review;

import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.transaction.PreviewRow;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.List;

/** A revision's plan rows as the JSON text kept with it. */
final class PlanRows {

    private PlanRows() {
    }

    static String toJson(List<PreviewRow> plan) {
        JsonArrayBuilder rows = JsonDocuments.PROVIDER.createArrayBuilder();
        for (PreviewRow row : plan) {
            JsonArrayBuilder changes = JsonDocuments.PROVIDER.createArrayBuilder();
            row.changes().forEach(changes::add);
            rows.add(JsonDocuments.PROVIDER.createObjectBuilder().add("action", row.action())
                    .add("table", row.tableName()).add("id", row.id())
                    .add("description", row.description() == null ? "" : row.description())
                    .add("changes", changes));
        }
        return rows.build().toString();
    }

    static List<PreviewRow> fromJson(String json) {
        JsonArray rows = JsonDocuments.parse(json).asJsonArray();
        return rows.stream().map(value -> {
            JsonObject row = value.asJsonObject();
            return new PreviewRow(row.getString("action"), row.getString("table"), row.getString("id"),
                    row.getString("description"), row.getJsonArray("changes").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList());
        }).toList();
    }
}
