package dev.tablecloud.sqlconsole;

import dev.tablecloud.sqlconsole.SqlRunResult.Column;
import dev.tablecloud.sqlconsole.SqlRunResult.StatementResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script transactions on a real PostgreSQL: one implicit transaction per script, the script's own
 * BEGIN … COMMIT as written, and engine calls that see what the statements before them did. The
 * engine here answers from a connection of its own, as Tablecloud's does, so it sees committed rows
 * only.
 */
class SqlRunnerIT {

    private static EmbeddedPostgres postgres;
    private final List<String> calls = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement sql = c.createStatement();
             InputStream functions = SqlRunnerIT.class.getResourceAsStream("/db/environment/V3__engine_functions.sql")) {
            sql.execute(new String(functions.readAllBytes(), StandardCharsets.UTF_8));
            sql.execute("""
                    create table t (n integer primary key);
                    create function iasql_probe() returns table (seen bigint) language sql as $$
                        select * from json_to_recordset(iasql_engine_answer('probe', '{}')) as a (seen bigint) $$;
                    create function iasql_echo(at timestamptz) returns table (echoed text) language sql as $$
                        select * from json_to_recordset(iasql_engine_answer('echo', array[at::text])) as a (echoed text) $$;
                    """);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement sql = c.createStatement()) {
            sql.execute("truncate t");
        }
    }

    /** Answers from its own connection: the committed rows of t; an echo of its argument. */
    private EngineCalls.Answer engine(String function, List<String> arguments) {
        calls.add(function + arguments);
        if (function.equals("echo")) {
            return new EngineCalls.Answer(List.of(new Column("echoed", "text")), List.of(List.of(arguments.get(0))));
        }
        return new EngineCalls.Answer(List.of(new Column("seen", "int8")), List.of(List.of(rows().size())));
    }

    private SqlRunResult run(String script) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            return new SqlRunner(100, this::engine).run(c, script);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> rows() {
        List<Integer> rows = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement sql = c.createStatement();
             ResultSet r = sql.executeQuery("select n from t order by n")) {
            while (r.next()) {
                rows.add(r.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static List<Boolean> rolledBack(SqlRunResult result) {
        return result.statements().stream().map(StatementResult::rolledBack).toList();
    }

    @Test
    void aFailingStatementUndoesTheStatementsBeforeItAndSaysSo() {
        SqlRunResult result = run("insert into t values (1); insert into t values (2); insert into t (nosuch) values (3)");

        assertThat(result.ok()).isFalse();
        assertThat(rows()).isEmpty();
        assertThat(rolledBack(result)).containsExactly(true, true, null);
        assertThat(result.notice()).isEqualTo("Statement 3 failed, so statements 1\u20132 were rolled back with it.");
        assertThat(result.statements().get(2).error().position()).isEqualTo(
                "insert into t values (1); insert into t values (2); insert into t (".length() + 1);
    }

    @Test
    void aScriptThatRunsToItsEndIsCommitted() {
        SqlRunResult result = run("insert into t values (1); insert into t values (2)");

        assertThat(result.ok()).isTrue();
        assertThat(result.notice()).isNull();
        assertThat(rows()).containsExactly(1, 2);
    }

    @Test
    void anEngineCallCommitsWhatCameBeforeItSoTheEngineSeesItAndWhatFollowsIsANewTransaction() {
        SqlRunResult result = run("""
                insert into t values (1);
                select * from iasql_probe();
                insert into t values (2);
                insert into t values (1)""");

        assertThat(result.statements().get(1).rows()).containsExactly(List.of(1L));
        assertThat(rows()).containsExactly(1);
        assertThat(rolledBack(result)).containsExactly(null, null, true, null);
        assertThat(result.notice()).isEqualTo("Statement 4 failed, so statement 3 was rolled back with it;"
                + " statements 1\u20132 were committed before it and stay.");
    }

    @Test
    void anEngineCallWhoseArgumentsAreComputedSeesOneNowAcrossItsHandover() {
        SqlRunResult result = run("insert into t values (1); select * from iasql_echo(now() - interval '30 minutes')");

        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.statements().get(1).rows()).hasSize(1);
        assertThat(calls).hasSize(1);
    }

    @Test
    void theScriptsOwnBlockRunsAsWrittenAndTakesInTheStatementsBeforeIt() throws SQLException {
        SqlRunResult kept = run("insert into t values (1); begin; insert into t values (2); commit;"
                + " insert into t values (3); select 1/0");
        assertThat(rows()).containsExactly(1, 2);
        assertThat(rolledBack(kept)).containsExactly(null, null, null, null, true, null);

        empty();
        SqlRunResult undone = run("insert into t values (1); begin; insert into t values (2); select 1/0; commit");
        assertThat(rows()).isEmpty();
        assertThat(rolledBack(undone)).containsExactly(true, true, true, null);
    }

    @Test
    void rollbackAndSavepointsWorkAsInPostgreSQL() {
        SqlRunResult result = run("insert into t values (1); rollback; insert into t values (2);"
                + " begin; insert into t values (3); savepoint a; insert into t values (4); rollback to savepoint a;"
                + " commit");

        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(rows()).containsExactly(2, 3);
        assertThat(rolledBack(result).get(0)).isTrue();
    }

    @Test
    void aBlockLeftOpenIsRolledBackWithTheSessionAndTheAnswerSaysSo() {
        SqlRunResult result = run("insert into t values (1); begin; insert into t values (2)");

        assertThat(rows()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(rolledBack(result)).containsExactly(true, true, true);
        assertThat(result.notice()).startsWith("The script ended inside its own BEGIN block without COMMIT,"
                + " so statements 1\u20133 were rolled back");
    }

    @Test
    void insideTheScriptsOwnBlockAnEngineCallDoesNotCommitTheBlock() {
        SqlRunResult result = run("begin; insert into t values (1); select * from iasql_probe(); rollback");

        assertThat(result.statements().get(2).rows()).containsExactly(List.of(0L));
        assertThat(rows()).isEmpty();
    }
}
