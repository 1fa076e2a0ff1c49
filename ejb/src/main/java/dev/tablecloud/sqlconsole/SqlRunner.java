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
 * result and an error points into the script as typed. Values come back as JSON-friendly Java
 * values.
 *
 * <p>Transactions follow PostgreSQL's rules for several statements in one simple Query: the
 * statements run in one implicit transaction, committed when the script ends and rolled back when a
 * statement fails; the script's own BEGIN opens a regular block (taking in the implicit statements
 * before it) that only its COMMIT or ROLLBACK ends; after a COMMIT or ROLLBACK a new implicit
 * transaction starts. One difference, because the engine works on its own connection: a statement
 * that calls the engine (outside the script's own BEGIN block) first commits the statements before
 * it, runs in a transaction of its own, and what follows starts a new implicit transaction. The
 * session ends with the script, so a BEGIN block left open is rolled back.
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
        return new ScriptRun(connection).run(SqlScript.split(script));
    }

    /** The state of one script as it runs: which statements the open transaction holds. */
    private final class ScriptRun {

        private final Connection connection;
        private final List<StatementResult> results = new ArrayList<>();
        /** Index of the first statement whose changes the open transaction holds (not yet committed). */
        private int uncommittedFrom;
        /** Whether the script's own BEGIN block is open (else the open transaction, if any, is implicit). */
        private boolean ownBlock;

        ScriptRun(Connection connection) {
            this.connection = connection;
        }

        SqlRunResult run(List<SqlScript.Statement> statements) {
            for (int index = 0; index < statements.size(); index++) {
                SqlScript.Statement statement = statements.get(index);
                StatementResult result;
                try {
                    if (!inTransactionBlock(connection)) {
                        execute(connection, "begin");
                        uncommittedFrom = index;
                    }
                    result = switch (statement.control()) {
                        case BEGIN -> {
                            ownBlock = true;
                            yield execute(connection, statement);
                        }
                        case COMMIT, ROLLBACK -> ended(statement, index);
                        // Not under a savepoint of ours, whose release would take the user's along.
                        case SAVEPOINT -> execute(connection, statement);
                        case NONE -> runOne(statement, index);
                    };
                } catch (SQLException e) {
                    result = new StatementResult(statement.sql(), null, null, null, null, error(e, statement.offset()));
                }
                results.add(result);
                if (result.error() != null) {
                    return failed(index);
                }
            }
            return finished();
        }

        /** A COMMIT or ROLLBACK of the script: ends the block or the implicit transaction, whichever is open. */
        private StatementResult ended(SqlScript.Statement statement, int index) throws SQLException {
            ownBlock = false;
            StatementResult result = execute(connection, statement);
            // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK; here nothing failed before.
            if (statement.control() == SqlScript.TransactionControl.ROLLBACK) {
                undo(index);
            }
            uncommittedFrom = index + 1;
            return result;
        }

        /** The statement failed: the transaction holding the statements since the last commit is rolled back. */
        private SqlRunResult failed(int failedIndex) {
            rollbackQuietly();
            undo(failedIndex);
            String notice = null;
            if (failedIndex > 0) {
                notice = "Statement " + (failedIndex + 1) + " failed"
                        + (uncommittedFrom < failedIndex ? ", so " + range(uncommittedFrom, failedIndex - 1)
                        + (failedIndex - uncommittedFrom == 1 ? " was" : " were") + " rolled back with it" : "")
                        + (uncommittedFrom > 0 && results.stream().limit(uncommittedFrom)
                        .noneMatch(r -> Boolean.TRUE.equals(r.rolledBack())) ? "; " + range(0, uncommittedFrom - 1)
                        + (uncommittedFrom == 1 ? " was" : " were") + " committed before it and stay"
                        + (uncommittedFrom == 1 ? "s" : "") : "")
                        + ".";
            }
            return new SqlRunResult(false, results, notice);
        }

        /** The script ran to its end: the implicit transaction commits; a BEGIN block left open does not. */
        private SqlRunResult finished() {
            try {
                if (!inTransactionBlock(connection)) {
                    return new SqlRunResult(true, results);
                }
                if (ownBlock) {
                    execute(connection, "rollback");
                    undo(results.size());
                    return new SqlRunResult(true, results, "The script ended inside its own BEGIN block without COMMIT,"
                            + " so " + range(uncommittedFrom, results.size() - 1)
                            + (results.size() - uncommittedFrom == 1 ? " was" : " were")
                            + " rolled back when its session ended. End the block with COMMIT to keep the changes.");
                }
                execute(connection, "commit");
                return new SqlRunResult(true, results);
            } catch (SQLException e) {
                // A deferred constraint, checked at commit: the whole implicit transaction is undone.
                rollbackQuietly();
                undo(results.size());
                results.add(new StatementResult("commit", null, null, null, null, error(e, 0)));
                return new SqlRunResult(false, results, "The commit at the end of the script failed, so "
                        + range(uncommittedFrom, results.size() - 2) + " were rolled back.");
            }
        }

        /** Marks the statements from {@link #uncommittedFrom} up to (not including) {@code end} as undone. */
        private void undo(int end) {
            for (int i = uncommittedFrom; i < Math.min(end, results.size()); i++) {
                if (results.get(i).error() == null) {
                    results.set(i, results.get(i).undone());
                }
            }
        }

        private void rollbackQuietly() {
            try {
                if (inTransactionBlock(connection)) {
                    execute(connection, "rollback");
                }
            } catch (SQLException e) {
                // The session ends with the script, and a transaction that was not committed with it.
            }
        }

        /**
         * Runs one statement under a savepoint, so that a call handed over to the engine does not
         * abort the transaction. Outside the script's own block, a call to the engine first commits
         * the statements before it and runs in a transaction of its own, committed after it: the
         * engine sees the rows, and the statement sees one now() across its handovers.
         */
        private StatementResult runOne(SqlScript.Statement statement, int index) throws SQLException {
            Map<String, JsonValue> answers = new LinkedHashMap<>();
            try {
                for (int handovers = 0; ; ) {
                    execute(connection, "savepoint tablecloud_statement");
                    try {
                        StatementResult result = execute(connection, statement);
                        if (inTransactionBlock(connection)) {
                            execute(connection, "release savepoint tablecloud_statement");
                        }
                        if (!answers.isEmpty() && !ownBlock) {
                            forgetAnswers(connection);
                            answers.clear();
                            execute(connection, "commit");
                            uncommittedFrom = index + 1;
                        }
                        return result;
                    } catch (PSQLException e) {
                        if (!EngineCalls.HANDOVER.equals(e.getSQLState()) || handovers == MAX_HANDOVERS) {
                            throw e;
                        }
                        execute(connection, "rollback to savepoint tablecloud_statement");
                        if (!ownBlock && uncommittedFrom < index) {
                            // The engine must see what came before: commit it, and start over in a
                            // transaction of this statement's own, so that its arguments are computed there.
                            execute(connection, "commit");
                            execute(connection, "begin");
                            uncommittedFrom = index;
                            continue;
                        }
                        answerHandover(e, answers, ownBlock);
                        handovers++;
                        try (PreparedStatement store = connection.prepareStatement(
                                "select set_config('tablecloud.answers', ?, false)")) {
                            store.setString(1, toJson(answers));
                            store.execute();
                        }
                    }
                }
            } catch (TablecloudException failure) {
                return new StatementResult(statement.sql(), null, null, null, null,
                        new SqlError(failure.getMessage(), EngineCalls.HANDOVER, null, null, null));
            } finally {
                if (!answers.isEmpty()) {
                    forgetAnswers(connection);
                }
            }
        }
    }

    /** "statement 3" or "statements 1–2" (1-based, inclusive). */
    static String range(int fromIndex, int toIndex) {
        return fromIndex == toIndex ? "statement " + (fromIndex + 1)
                : "statements " + (fromIndex + 1) + "–" + (toIndex + 1);
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
