package dev.tablecloud.web.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.web.ui.Links;

import java.util.List;
import java.util.function.Function;

/**
 * The bar above every page of one environment: its name and its pages, the one shown marked, so
 * a person reaches the console from the tables or the audit log from the transaction in one click.
 */
public class EnvironmentNav extends Nav {

    /** An environment's pages, in the order a change goes through them. */
    public enum Page {
        OVERVIEW("Overview", Links::environment),
        TABLES("Tables", Links::tables),
        CONSOLE("SQL console", Links::console),
        TRANSACTION("Transaction", Links::transaction),
        SCHEDULE("Schedule", Links::schedule),
        DRIFT("Drift", Links::drift),
        AUDIT("Audit log", Links::audit),
        EXPORT("Export", Links::export);

        final String label;
        final Function<String, String> link;

        Page(String label, Function<String, String> link) {
            this.label = label;
            this.link = link;
        }
    }

    public EnvironmentNav(String environment, Page current) {
        setId("environment-nav");
        addClassName("tc-env-nav");
        getElement().setAttribute("aria-label", "Pages of " + environment);
        Span name = new Span(environment);
        name.addClassName("tc-env-nav-name");
        add(name);
        for (Page page : List.of(Page.values())) {
            Anchor link = new Anchor(page.link.apply(environment), page.label);
            link.setId("nav-" + page.name().toLowerCase());
            link.addClassName("tc-env-nav-link");
            if (page == current) {
                link.getElement().setAttribute("aria-current", "page");
            }
            add(link);
        }
    }
}
