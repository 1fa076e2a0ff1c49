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
import dev.tablecloud.install.ModuleService;
import dev.tablecloud.sync.SyncService;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.web.ui.Links;
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
    private String name = "";

    @Inject
    public EnvironmentView(EnvironmentService environments, ConnectionService connections, ModuleService modules,
                           SyncService sync, TransactionService transactions, TableBrowseService browse) {
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
        description.addClassName("tc-muted");

        TablesCard tables = new TablesCard(browse, name);
        RegionsCard regions = new RegionsCard(browse, name);
        OpenTransactionCard open = new OpenTransactionCard(transactions, name);
        SyncCard syncCard = new SyncCard(browse, sync, name, () -> { });
        ModulesCard modulesCard = new ModulesCard(modules, name, () -> {
            tables.refresh();
            syncCard.refresh();
        });
        Div cards = new Div(new ConnectionCard(connections, environment), regions, syncCard, open);
        cards.addClassName("tc-cards");
        add(title, description, cards, modulesCard, tables);
    }

    @Override
    public String getPageTitle() {
        return name + " · Tablecloud";
    }
}
