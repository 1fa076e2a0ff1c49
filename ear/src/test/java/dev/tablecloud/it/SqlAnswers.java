package dev.tablecloud.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the SQL endpoint's answers: {@code {"ok", "statements": [{"columns", "rows"} or {"error"}]}}. */
final class SqlAnswers {

    private SqlAnswers() {
    }

    /** Fails the test, showing the answer, unless every statement ran. */
    static void ok(JsonObject answer) {
        assertThat(answer.getBoolean("ok")).as(answer.toString()).isTrue();
    }

    /** The rows of one statement of an answer whose statements all ran. */
    static JsonArray rows(JsonObject answer, int statement) {
        ok(answer);
        return answer.getJsonArray("statements").getJsonObject(statement).getJsonArray("rows");
    }

    /** One column of the rows as text: strings as they are, other values as JSON, SQL null as null. */
    static List<String> column(JsonArray rows, int column) {
        return rows.stream().map(row -> row.asJsonArray().get(column)).map(value ->
                value.getValueType() == JsonValue.ValueType.NULL ? null
                        : value instanceof JsonString text ? text.getString() : value.toString()).toList();
    }
}
