package dev.tablecloud.web.ui.environment;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.browse.TableBrowseService;
import dev.tablecloud.cloud.ConnectionService;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.install.ModuleService;
import dev.tablecloud.sync.SyncService;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.shell.EnvironmentNav;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/** One environment at a glance: connection, regions, modules, sync, the open transaction, tables. */
@Route(Links.ENVIRONMENTS + "/:name")
@PermitAll
public class EnvironmentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final EnvironmentService environments;
    private final ConnectionService connections;
    private final ModuleService modules;
    private final SyncService sync;
    private final TransactionService transactions;
    private final TableBrowseService browse;
    private final Access access;
    private String name = "";

    @Inject
    public EnvironmentView(EnvironmentService environments, ConnectionService connections, ModuleService modules,
                           SyncService sync, TransactionService transactions, TableBrowseService browse,
                           Access access) {
        this.access = access;
        this.environments = environments;
        this.connections = connections;
        this.modules = modules;
        this.sync = sync;
        this.transactions = transactions;
        this.browse = browse;
        addClassName("tc-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        name = event.getRouteParameters().get("name").orElse("");
        EnvironmentData environment = environments.get(name);
        removeAll();
        H2 title = new H2(environment.name());
        title.setId("environment-name");
        Paragraph description = new Paragraph(environment.description() == null || environment.description().isBlank()
                ? "No description." : environment.description());
        description.addClassNames("tc-muted", "tc-description");
        EnvironmentNav pages = new EnvironmentNav(name, EnvironmentNav.Page.OVERVIEW);

        TablesCard tables = new TablesCard(browse, name);
        RegionsCard regions = new RegionsCard(browse, name);
        OpenTransactionCard open = new OpenTransactionCard(transactions, name);
        String authorRefusal = refusal(Role.AUTHOR, "install modules or sync in this environment");
        SyncCard syncCard = new SyncCard(browse, sync, name, authorRefusal, () -> { });
        ModulesCard modulesCard = new ModulesCard(modules, name, authorRefusal, () -> {
            tables.refresh();
            syncCard.refresh();
        });
        Div cards = new Div(new ConnectionCard(connections, environment), regions, syncCard, open);
        cards.addClassName("tc-cards");
        add(pages, title, description, cards, modulesCard, tables);
    }

    /** The engine's own words for a role this user lacks here, or null when they hold it. */
    private String refusal(Role role, String action) {
        try {
            access.require(name, role, action);
            return null;
        } catch (ForbiddenException refused) {
            return refused.getMessage();
        }
    }

    @Override
    public String getPageTitle() {
        return name + " · Tablecloud";
    }
}
