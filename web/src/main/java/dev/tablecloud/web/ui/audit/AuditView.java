package dev.tablecloud.web.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.audit.AuditCount;
import dev.tablecloud.audit.AuditFilter;
import dev.tablecloud.audit.AuditLogEntry;
import dev.tablecloud.audit.AuditLogService;
import dev.tablecloud.browse.TableBrowseService;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.shell.EnvironmentNav;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;

/** An environment's audit log: every change and marker, newest first, filtered, old → new per entry. */
@Route(Links.ENVIRONMENTS + "/:name/audit")
@PermitAll
public class AuditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Span count = new Span();
    AuditFilters filters;
    AuditGrid grid;
    private final AuditLogService audit;
    private final TableBrowseService browse;
    private String environment = "";

    @Inject
    public AuditView(AuditLogService audit, TableBrowseService browse) {
        this.audit = audit;
        this.browse = browse;
        addClassName("tc-page");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        environment = event.getRouteParameters().get("name").orElse("");
        String name = environment;
        removeAll();
        EnvironmentNav pages = new EnvironmentNav(environment, EnvironmentNav.Page.AUDIT);
        H2 title = new H2("Audit log");
        title.setId("audit-title");
        grid = new AuditGrid(new AuditGrid.Source() {
            @Override
            public List<AuditLogEntry> page(AuditFilter filter, int offset, int limit) {
                return audit.page(name, filter, offset, limit);
            }

            @Override
            public AuditCount count(AuditFilter filter) {
                return audit.count(name, filter);
            }
        });
        grid.setHeightFull();
        filters = new AuditFilters(audit.actors(environment), browse.tables(environment), filter -> {
            grid.filter(filter);
            showCount();
        });
        count.setId("audit-count");
        count.addClassName("tc-muted");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> {
            grid.filter(grid.filter());
            showCount();
        });
        refresh.setId("audit-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout status = new HorizontalLayout(count, refresh);
        status.setAlignItems(FlexComponent.Alignment.CENTER);
        Span hint = new Span("Click an entry to see its columns old → new.");
        hint.addClassName("tc-reason");
        status.add(hint);
        add(pages, title, filters, status, grid);
        setFlexGrow(1, grid);
        showCount();
    }

    private void showCount() {
        count.setText(grid.count().describe());
    }

    @Override
    public String getPageTitle() {
        return "Audit log · " + environment + " · Tablecloud";
    }
}
