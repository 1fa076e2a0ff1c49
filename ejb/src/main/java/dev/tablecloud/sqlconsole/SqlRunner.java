package dev.tablecloud.sqlconsole;

import dev.tablecloud.sqlconsole.SqlRunResult.Column;
import dev.tablecloud.sqlconsole.SqlRunResult.SqlError;
import dev.tablecloud.sqlconsole.SqlRunResult.StatementResult;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.TablecloudException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a script on a connection, one statement at a time, so that each statement gets its own
 * result and an error points into the script as typed. Statements run as written: in autocommit,
 * or inside the script's own BEGIN ... COMMIT. Values come back as JSON-friendly Java values.
 */
public final class SqlRunner {

    /** A statement may call several engine functions; each is handed over once. */
    private static final int MAX_HANDOVERS = 8;

    private final int maxRows;
    private final EngineCalls engine;

    public SqlRunner(int maxRows, EngineCalls engine) {
        this.maxRows = maxRows;
        this.engine = engine;
    }

    public SqlRunResult run(Connection connection, String script) {
        List<StatementResult> results = new ArrayList<>();
        for (SqlScript.Statement statement : SqlScript.split(script)) {
            StatementResult result = runOne(connection, statement);
            results.add(result);
            if (result.error() != null) {
                return new SqlRunResult(false, results);
            }
        }
        return new SqlRunResult(true, results);
    }

    /**
     * Runs one statement. Inside the script's own transaction block it runs under a savepoint, so
     * that a call handed over to the engine does not abort the user's transaction.
     */
    private StatementResult runOne(Connection connection, SqlScript.Statement statement) {
        Map<String, JsonValue> answers = new LinkedHashMap<>();
        try {
            boolean inTransaction = inTransactionBlock(connection);
            for (int handovers = 0; ; handovers++) {
                if (inTransaction) {
                    execute(connection, "savepoint tablecloud_statement");
                }
                try {
                    StatementResult result = execute(connection, statement);
                    if (inTransaction && inTransactionBlock(connection)) {
                        execute(connection, "release savepoint tablecloud_statement");
                    }
                    return result;
                } catch (PSQLException e) {
                    if (!EngineCalls.HANDOVER.equals(e.getSQLState()) || handovers == MAX_HANDOVERS) {
                        throw e;
                    }
                    if (inTransaction) {
                        execute(connection, "rollback to savepoint tablecloud_statement");
                    }
                    answerHandover(e, answers, inTransaction);
                    try (PreparedStatement store = connection.prepareStatement(
                            "select set_config('tablecloud.answers', ?, false)")) {
                        store.setString(1, toJson(answers));
                        store.execute();
                    }
                }
            }
        } catch (SQLException e) {
            return new StatementResult(statement.sql(), null, null, null, null, error(e, statement.offset()));
        } catch (TablecloudException failure) {
            return new StatementResult(statement.sql(), null, null, null, null,
                    new SqlError(failure.getMessage(), EngineCalls.HANDOVER, null, null, null));
        } finally {
            if (!answers.isEmpty()) {
                forgetAnswers(connection);
            }
        }
    }

    /** Answers belong to the statement they were made for; a later call must reach the engine again. */
    private static void forgetAnswers(Connection connection) {
        try {
            execute(connection, "select set_config('tablecloud.answers', '', false)");
        } catch (SQLException inAbortedTransaction) {
            // The setting is rolled back with the transaction that made it.
        }
    }

    private StatementResult execute(Connection connection, SqlScript.Statement statement) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setMaxRows(maxRows + 1);
            if (jdbc.execute(statement.sql())) {
                try (ResultSet rows = jdbc.getResultSet()) {
                    return read(statement.sql(), rows);
                }
            }
            return new StatementResult(statement.sql(), null, null, null, (long) jdbc.getUpdateCount(), null);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(sql);
        }
    }

    private static boolean inTransactionBlock(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
    }

    /** Carries out the call the database handed over and keeps its rows, keyed as the function looks them up. */
    private void answerHandover(PSQLException handover, Map<String, JsonValue> answers, boolean inTransactionBlock) {
        try (JsonReader reader = Json.createReader(new StringReader(handover.getServerErrorMessage().getDetail()))) {
            JsonObject call = reader.readObject();
            List<String> arguments = call.isNull("args") ? List.of()
                    : call.getJsonArray("args").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            String function = call.getString("call");
            if (inTransactionBlock && EngineCalls.OUTSIDE_TRANSACTION_BLOCK.contains(function)) {
                throw new InvalidInputException(List.of(new FieldError("sql", "iasql_" + function
                        + "() must run outside a BEGIN … COMMIT block: it works on the rows everyone sees, and this"
                        + " block's changes are not committed yet. End the block with COMMIT first.")));
            }
            EngineCalls.Answer answer = engine.call(function, arguments);
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (List<Object> row : answer.rows()) {
                JsonObjectBuilder object = Json.createObjectBuilder();
                for (int i = 0; i < answer.columns().size(); i++) {
                    object.add(answer.columns().get(i).name(), jsonOf(row.get(i)));
                }
                rows.add(object);
            }
            answers.put(call.getString("key"), rows.build());
        }
    }

    private static JsonValue jsonOf(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(element -> array.add(jsonOf(element)));
            return array.build();
        }
        return Json.createValue(value.toString());
    }

    private static String toJson(Map<String, JsonValue> answers) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        answers.forEach(object::add);
        return object.build().toString();
    }

    private StatementResult read(String sql, ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
        }
        List<List<Object>> values = new ArrayList<>();
        boolean truncated = false;
        while (rows.next()) {
            if (values.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(jsonValue(rows.getObject(i)));
            }
            values.add(row);
        }
        return new StatementResult(sql, columns, values, truncated, null, null);
    }

    /** Numbers, booleans and strings as they are; everything else (jsonb, cidr, timestamps...) as text. */
    static Object jsonValue(Object value) throws SQLException {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Array array) {
            List<Object> elements = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                elements.add(jsonValue(element));
            }
            return elements;
        }
        return value.toString();
    }

    private static SqlError error(SQLException e, int statementOffset) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            Integer position = server.getPosition() > 0 ? statementOffset + server.getPosition() : null;
            return new SqlError(server.getMessage(), server.getSQLState(), position, server.getDetail(),
                    server.getHint());
        }
        return new SqlError(e.getMessage(), e.getSQLState(), null, null, null);
    }
}
