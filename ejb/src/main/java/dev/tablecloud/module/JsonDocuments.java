package dev.tablecloud.module;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Map;

/**
 * JSON text read into values, and values built, through one provider looked up once: the
 * {@code Json.create…} shortcuts look the provider up on every call (a service-loader scan of
 * about 100 KB), which dominated the export of a large audit log.
 */
public final class JsonDocuments {

    public static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

    private JsonDocuments() {
    }

    /** Any JSON value: an object, an array, a string, a number… */
    public static JsonValue parse(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** A string as its text, any other value as its JSON: {@code "web"} → web, {@code 443} → 443. */
    public static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    public static JsonObject parseObject(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
