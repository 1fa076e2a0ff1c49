package dev.tablecloud.web.ui.console;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.sqlconsole.SqlRunResult.SqlError;
import dev.tablecloud.sqlconsole.SqlRunResult.StatementResult;

import java.util.List;

/** One statement's outcome: its SQL, then a grid of its rows, its update count, or PostgreSQL's error. */
class StatementResultView extends Div {

    static final int ROWS_BEFORE_SCROLLING = 12;

    final Grid<List<Object>> grid;

    StatementResultView(int number, StatementResult result, ErrorPlace place) {
        addClassNames("tc-card", "tc-statement");
        setId("statement-" + number);
        Span heading = new Span(number + ". ");
        heading.addClassName("tc-statement-number");
        Span sql = new Span(SqlText.oneLine(result.sql()));
        sql.addClassNames("tc-mono", "tc-statement-sql");
        Div head = new Div(heading, sql);
        head.addClassName("tc-statement-head");
        if (Boolean.TRUE.equals(result.rolledBack())) {
            Span undone = new Span("rolled back");
            undone.getElement().getThemeList().add("badge contrast");
            undone.addClassName("tc-rolled-back");
            undone.getElement().setAttribute("title", "It ran, and what it changed was undone afterwards.");
            head.add(undone);
        }
        add(head);
        if (result.error() != null) {
            grid = null;
            add(error(result.error(), place));
        } else if (result.columns() != null) {
            grid = grid(result);
            add(grid, outcome(rowsText(result)));
        } else {
            grid = null;
            add(outcome(updateText(result.updateCount())));
        }
    }

    private static Grid<List<Object>> grid(StatementResult result) {
        Grid<List<Object>> grid = new Grid<>();
        grid.addClassName("tc-result-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        for (int i = 0; i < result.columns().size(); i++) {
            int column = i;
            grid.addColumn(row -> SqlText.cell(row.get(column)))
                    .setHeader(result.columns().get(i).name())
                    .setTooltipGenerator(row -> result.columns().get(column).type())
                    .setResizable(true)
                    .setAutoWidth(true);
        }
        List<List<Object>> rows = result.rows() == null ? List.of() : result.rows();
        grid.setItems(rows);
        if (rows.size() <= ROWS_BEFORE_SCROLLING) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("24em");
        }
        return grid;
    }

    static String rowsText(StatementResult result) {
        int rows = result.rows() == null ? 0 : result.rows().size();
        String text = rows == 1 ? "1 row" : rows + " rows";
        return Boolean.TRUE.equals(result.truncated()) ? "the first " + text + " (more exist; narrow the query)" : text;
    }

    static String updateText(Long count) {
        if (count == null || count < 0) {
            return "done";
        }
        return count == 1 ? "1 row affected" : count + " rows affected";
    }

    private static Span outcome(String text) {
        Span outcome = new Span(text);
        outcome.addClassNames("tc-muted", "tc-statement-outcome");
        return outcome;
    }

    private static Div error(SqlError error, ErrorPlace place) {
        Div box = new Div();
        box.addClassName("tc-sql-error");
        box.setId("sql-error");
        Span message = new Span(errorHeadline(error, place));
        message.addClassName("tc-sql-error-message");
        box.add(message);
        if (error.detail() != null && !error.detail().isBlank()) {
            box.add(new Pre("DETAIL: " + error.detail()));
        }
        if (error.hint() != null && !error.hint().isBlank()) {
            box.add(new Pre("HINT: " + error.hint()));
        }
        return box;
    }

    static String errorHeadline(SqlError error, ErrorPlace place) {
        return "ERROR" + (error.sqlState() == null ? "" : " " + error.sqlState())
                + (place == null ? "" : " at " + place.label()) + ": " + error.message();
    }
}
