package dev.tablecloud.web.ui.console;

import com.vaadin.flow.component.Component;
import dev.tablecloud.sqlconsole.SqlRunResult.Column;
import dev.tablecloud.sqlconsole.SqlRunResult.SqlError;
import dev.tablecloud.sqlconsole.SqlRunResult.StatementResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementResultViewTest {

    @Test
    void aResultSetIsAGridWithAColumnPerColumn() {
        StatementResult result = new StatementResult("select a, b\n  from t", List.of(new Column("a", "int4"),
                new Column("b", "_text")), List.of(Arrays.asList(1, List.of("x", "y")), Arrays.asList(2, null)), true, null, null);
        StatementResultView view = new StatementResultView(1, result, null);

        assertThat(view.grid.getColumns()).extracting(column -> column.getHeaderText()).containsExactly("a", "b");
        assertThat(StatementResultView.rowsText(result)).isEqualTo("the first 2 rows (more exist; narrow the query)");
        assertThat(SqlText.cell(List.of("x", "y"))).isEqualTo("{x,y}");
        assertThat(SqlText.cell(null)).isEqualTo("NULL");
        assertThat(SqlText.oneLine("select a, b\n  from t")).isEqualTo("select a, b from t");
    }

    @Test
    void anUpdateCountAndARolledBackStatementSayWhatHappened() {
        StatementResult undone = new StatementResult("insert into vpc default values", null, null, null, 1L, null, true);
        StatementResultView view = new StatementResultView(2, undone, null);

        assertThat(view.grid).isNull();
        assertThat(texts(view)).contains("1 row affected", "rolled back");
        assertThat(StatementResultView.updateText(3L)).isEqualTo("3 rows affected");
    }

    @Test
    void anErrorReadsAsPostgresWroteItWithItsPlace() {
        String script = "select 1;\nselect nosuch from vpc;";
        SqlError error = new SqlError("column \"nosuch\" does not exist", "42703", 18, null, "Perhaps you meant x.");
        StatementResultView view = new StatementResultView(2, new StatementResult("select nosuch from vpc", null, null,
                null, null, error), ErrorPlace.of(script, 18));

        assertThat(texts(view)).contains("ERROR 42703 at line 2, column 8: column \"nosuch\" does not exist",
                "HINT: Perhaps you meant x.");
    }

    private static List<String> texts(Component component) {
        return component.getElement().getChildren().flatMap(child -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(child.getText()), child.getChildren().map(c -> c.getTextRecursively())))
                .toList();
    }
}
