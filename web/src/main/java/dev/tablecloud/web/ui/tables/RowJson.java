package dev.tablecloud.web.ui.tables;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** A row's JSON indented for reading. */
final class RowJson {

    private RowJson() {
    }

    static String pretty(String json) {
        if (json == null) {
            return "";
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out)) {
                writer.write(value);
            }
            return out.toString().strip();
        } catch (RuntimeException notJson) {
            return json;
        }
    }
}
