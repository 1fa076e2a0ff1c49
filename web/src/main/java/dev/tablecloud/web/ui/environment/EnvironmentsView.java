package dev.tablecloud.web.ui.environment;

import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.web.ui.signin.SignOut;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;

/** Lists the environments and creates new ones. */
@Route("")
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
        grid.addColumn(EnvironmentData::name).setHeader("Name").setSortable(true);
        grid.addColumn(EnvironmentData::description).setHeader("Description");
        grid.addColumn(EnvironmentData::awsDefaultRegion).setHeader("AWS region");
        grid.addColumn(EnvironmentData::awsEndpoint).setHeader("AWS endpoint");
        grid.setAllRowsVisible(true);

        form.create.addClickListener(click -> create());
        add(new H1("Tablecloud"), new SignOut(), new H2("Environments"), grid, new H2("New environment"), form);
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
    }
}
