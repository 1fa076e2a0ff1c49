package dev.tablecloud.web.ui.environment;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.tablecloud.browse.TableBrowseService;
import dev.tablecloud.web.ui.Links;

import java.util.List;

/** A link to each installed table's browser. */
class TablesCard extends Div {

    final Div links = new Div();
    private final TableBrowseService browse;
    private final String environment;

    TablesCard(TableBrowseService browse, String environment) {
        this.browse = browse;
        this.environment = environment;
        addClassName("tc-card");
        setId("tables");
        links.addClassNames("tc-table-links");
        add(new H3("Tables"), links);
        refresh();
    }

    void refresh() {
        links.removeAll();
        List<String> tables = browse.tables(environment);
        if (tables.isEmpty()) {
            Paragraph empty = new Paragraph("No tables: install a module.");
            empty.addClassName("tc-empty");
            links.add(empty);
        }
        for (String table : tables) {
            Anchor link = new Anchor(Links.table(environment, table), table);
            link.addClassName("tc-mono");
            links.add(link);
        }
    }
}
