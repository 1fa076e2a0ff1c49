package dev.tablecloud.sqlconsole;

import dev.tablecloud.sqlconsole.SqlScript.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTest {

    private static List<String> statements(String script) {
        return SqlScript.split(script).stream().map(Statement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndDropsEmptyStatements() {
        assertThat(statements("select 1;\n  select 2 ;;\n")).containsExactly("select 1", "select 2");
    }

    @Test
    void keepsSemicolonsInsideStringsIdentifiersAndComments() {
        String script = """
                insert into vpc (tags) values ('{"Name": "a;b"}'); -- one; comment
                select "odd;name", 'it''s; fine' /* block; /* nested; */ still */ from t;
                select E'back\\'; slash' as x""";

        assertThat(statements(script)).containsExactly(
                "insert into vpc (tags) values ('{\"Name\": \"a;b\"}')",
                "-- one; comment\nselect \"odd;name\", 'it''s; fine' /* block; /* nested; */ still */ from t",
                "select E'back\\'; slash' as x");
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String script = "do $body$ begin perform 1; perform 2; end $body$; select $$a;b$$; select $1";

        assertThat(statements(script)).containsExactly(
                "do $body$ begin perform 1; perform 2; end $body$", "select $$a;b$$", "select $1");
    }

    @Test
    void remembersWhereEachStatementStarts() {
        String script = "select 1;\n  selec 2";

        List<Statement> split = SqlScript.split(script);

        assertThat(split.get(1).offset()).isEqualTo(script.indexOf("selec 2"));
    }

    @Test
    void quotesAndBlockCommentOpenersInsideLineCommentsAreText() {
        String script = "-- mapped: name 'a/*' → 'b$$' (it's)\nselect 1; select 2";

        assertThat(statements(script)).hasSize(2).last().isEqualTo("select 2");
    }

    @Test
    void ignoresAScriptOfOnlyComments() {
        assertThat(statements("-- nothing here\n/* really */  ")).isEmpty();
    }

    @Test
    void runsTransactionBlocksAsWritten() {
        assertThat(statements("BEGIN; update vpc set state = 'x'; COMMIT;"))
                .containsExactly("BEGIN", "update vpc set state = 'x'", "COMMIT");
    }

    @Test
    void tellsTransactionControlFromOtherStatements() {
        assertThat(List.of("BEGIN", "begin work", "-- why\nstart transaction isolation level serializable",
                "commit", "END", "/* done */ commit and chain", "prepare transaction 'x'", "rollback", "ABORT",
                "savepoint a", "release savepoint a", "rollback to savepoint a", "rollback work to a",
                "commit prepared 'x'", "do $$ begin perform 1; end $$", "start", "select 'begin'")
                .stream().map(SqlScript::control).toList())
                .containsExactly(SqlScript.TransactionControl.BEGIN, SqlScript.TransactionControl.BEGIN,
                        SqlScript.TransactionControl.BEGIN, SqlScript.TransactionControl.COMMIT,
                        SqlScript.TransactionControl.COMMIT, SqlScript.TransactionControl.COMMIT,
                        SqlScript.TransactionControl.COMMIT, SqlScript.TransactionControl.ROLLBACK,
                        SqlScript.TransactionControl.ROLLBACK, SqlScript.TransactionControl.SAVEPOINT,
                        SqlScript.TransactionControl.SAVEPOINT, SqlScript.TransactionControl.SAVEPOINT,
                        SqlScript.TransactionControl.SAVEPOINT, SqlScript.TransactionControl.NONE,
                        SqlScript.TransactionControl.NONE, SqlScript.TransactionControl.NONE,
                        SqlScript.TransactionControl.NONE);
    }
}
