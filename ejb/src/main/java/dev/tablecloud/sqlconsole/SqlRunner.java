package dev.tablecloud.sqlconsole;

import dev.tablecloud.sqlconsole.SqlRunResult.Column;
import dev.tablecloud.sqlconsole.SqlRunResult.SqlError;
import dev.tablecloud.sqlconsole.SqlRunResult.StatementResult;
import dev.tablecloud.failure.TablecloudException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a script on a connection, one statement at a time, so that each statement gets its own
 * result and an error points into the script as typed. Statements run as written: in autocommit,
 * or inside the script's own BEGIN ... COMMIT. Values come back as JSON-friendly Java values.
 */
public final class SqlRunner {

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

    private StatementResult runOne(Connection connection, SqlScript.Statement statement) {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setMaxRows(maxRows + 1);
            if (jdbc.execute(statement.sql())) {
                try (ResultSet rows = jdbc.getResultSet()) {
                    return read(statement.sql(), rows);
                }
            }
            return new StatementResult(statement.sql(), null, null, null, (long) jdbc.getUpdateCount(), null);
        } catch (SQLException e) {
            if (EngineCalls.HANDOVER.equals(e.getSQLState()) && e instanceof PSQLException handover) {
                return answer(statement.sql(), handover);
            }
            return new StatementResult(statement.sql(), null, null, null, null, error(e, statement.offset()));
        }
    }

    private StatementResult answer(String sql, PSQLException handover) {
        try (JsonReader reader = Json.createReader(new StringReader(handover.getServerErrorMessage().getDetail()))) {
            JsonObject call = reader.readObject();
            List<String> arguments = call.isNull("args") ? List.of()
                    : call.getJsonArray("args").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            EngineCalls.Answer answer = engine.call(call.getString("call"), arguments);
            return new StatementResult(sql, answer.columns(), answer.rows(), false, null, null);
        } catch (TablecloudException failure) {
            return new StatementResult(sql, null, null, null, null,
                    new SqlError(failure.getMessage(), EngineCalls.HANDOVER, null, null, null));
        }
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
