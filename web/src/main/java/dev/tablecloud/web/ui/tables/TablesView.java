package dev.tablecloud.web.ui.tables;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.browse.TableBrowseService;
import dev.tablecloud.browse.TablePage;
import dev.tablecloud.browse.TableQuery;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.shell.EnvironmentNav;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One resource table of an environment: its rows, a filter, and the selected row's JSON. */
@Route(Links.ENVIRONMENTS + "/:name/tables/:table?")
@PermitAll
public class TablesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ANY_COLUMN = "any column";

    final Select<String> tableChoice = new Select<>();
    final TextField filter = new TextField();
    final Select<String> filterColumn = new Select<>();
    final Span count = new Span();
    final Pre json = new Pre();
    final Div rowPanel = new Div();
    RowsGrid grid;
    private final TableBrowseService browse;
    private String environment = "";
    private String table = "";

    @Inject
    public TablesView(TableBrowseService browse) {
        this.browse = browse;
        addClassName("tc-page");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        environment = event.getRouteParameters().get("name").orElse("");
        List<String> tables = browse.tables(environment);
        String asked = event.getRouteParameters().get("table").orElse(null);
        if (asked == null && !tables.isEmpty()) {
            event.forwardTo(Links.table(environment, tables.get(0)));
            return;
        }
        table = asked == null ? "" : asked;
        removeAll();
        EnvironmentNav pages = new EnvironmentNav(environment, EnvironmentNav.Page.TABLES);
        H2 title = new H2(table.isEmpty() ? "Tables" : table);
        title.setId("table-name");
        add(pages, title);
        if (tables.isEmpty()) {
            Paragraph empty = new Paragraph("Environment " + environment + " has no tables: install a module on its overview.");
            empty.addClassName("tc-empty");
            add(empty);
            return;
        }
        TablePage first = browse.page(environment, table, TableQuery.firstPage(1));
        add(toolbar(tables, first.columns()), body(first.columns()));
        showCount();
    }

    private HorizontalLayout toolbar(List<String> tables, List<String> columns) {
        tableChoice.setId("table-choice");
        tableChoice.setLabel("Table");
        tableChoice.setItems(tables);
        tableChoice.setValue(table);
        tableChoice.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(Links.table(environment, change.getValue())));
            }
        });
        filter.setId("filter");
        filter.setLabel("Filter");
        filter.setPlaceholder("text in the row");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> applyFilter());
        List<String> choices = new ArrayList<>();
        choices.add(ANY_COLUMN);
        choices.addAll(columns);
        filterColumn.setId("filter-column");
        filterColumn.setLabel("In");
        filterColumn.setItems(choices);
        filterColumn.setValue(ANY_COLUMN);
        filterColumn.addValueChangeListener(change -> applyFilter());
        count.setId("row-count");
        count.addClassName("tc-muted");
        HorizontalLayout toolbar = new HorizontalLayout(tableChoice, filter, filterColumn, count);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    private HorizontalLayout body(List<String> columns) {
        grid = new RowsGrid(browse, environment, table, columns);
        grid.setHeightFull();
        grid.asSingleSelect().addValueChangeListener(change -> showRow(change.getValue()));
        json.setId("row-json");
        json.addClassName("tc-json");
        rowPanel.addClassNames("tc-card", "tc-row-panel");
        rowPanel.setId("row-panel");
        showRow(null);
        HorizontalLayout body = new HorizontalLayout(grid, rowPanel);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        return body;
    }

    void applyFilter() {
        String column = ANY_COLUMN.equals(filterColumn.getValue()) ? null : filterColumn.getValue();
        grid.filter(filter.getValue(), column);
        showCount();
    }

    private void showCount() {
        long rows = grid.count();
        count.setText(rows == 1 ? "1 row" : String.format(Locale.ROOT, "%,d rows", rows));
    }

    void showRow(TablePage.Row row) {
        rowPanel.removeAll();
        if (row == null) {
            Paragraph hint = new Paragraph("Select a row to see all of it as JSON.");
            hint.addClassName("tc-empty");
            rowPanel.add(new H3("Row"), hint);
            return;
        }
        json.setText(RowJson.pretty(row.json()));
        rowPanel.add(new H3("Row"), json);
    }

    @Override
    public String getPageTitle() {
        return (table.isEmpty() ? "Tables" : table) + " · " + environment + " · Tablecloud";
    }
}
