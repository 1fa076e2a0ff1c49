package dev.tablecloud.web.ui.environment;

import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.tablecloud.web.ui.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;

/** Lists the environments (each name opens its overview) and creates new ones. */
@Route(Links.ENVIRONMENTS)
@RouteAlias("")
@PermitAll
@PageTitle("Environments · Tablecloud")
public class EnvironmentsView extends VerticalLayout {

    final Grid<EnvironmentData> grid = new Grid<>(EnvironmentData.class, false);
    final EnvironmentForm form = new EnvironmentForm();
    private final EnvironmentService environments;

    @Inject
    public EnvironmentsView(EnvironmentService environments) {
        this.environments = environments;
        grid.setId("environments");
        grid.addComponentColumn(environment -> new Anchor(Links.environment(environment.name()), environment.name()))
                .setHeader("Name").setComparator(EnvironmentData::name).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EnvironmentData::description).setHeader("Description").setFlexGrow(1);
        grid.addColumn(EnvironmentData::awsDefaultRegion).setHeader("AWS region");
        grid.addColumn(EnvironmentData::awsEndpoint).setHeader("AWS endpoint");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No environment yet: create the first one below.");
        addClassName("tc-page");

        form.create.addClickListener(click -> create());
        add(new H2("Environments"), grid, new H2("New environment"), form);
        refresh();
    }

    void create() {
        try {
            EnvironmentData created = environments.create(form.value());
            form.clear();
            refresh();
            Notification.show("Environment " + created.name() + " created.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            form.showErrors(invalid.errors());
        } catch (AlreadyExistsException duplicate) {
            form.showErrors(List.of(new FieldError("name", duplicate.getMessage())));
        }
    }

    private void refresh() {
        grid.setItems(environments.list());
        grid.recalculateColumnWidths();
    }
}
