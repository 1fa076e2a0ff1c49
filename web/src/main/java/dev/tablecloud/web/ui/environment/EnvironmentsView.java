package dev.tablecloud.web.ui.environment;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.web.ui.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Lists the environments (each name opens its overview) and creates new ones. The form comes first
 * and the grid has a bounded height with a filter, so with fifty environments both stay in view.
 */
@Route(Links.ENVIRONMENTS)
@RouteAlias("")
@PermitAll
@PageTitle("Environments · Tablecloud")
public class EnvironmentsView extends VerticalLayout {

    final Grid<EnvironmentData> grid = new Grid<>(EnvironmentData.class, false);
    final EnvironmentForm form = new EnvironmentForm();
    final TextField filter = new TextField();
    final Span count = new Span();
    private final EnvironmentService environments;
    private ListDataProvider<EnvironmentData> shown = new ListDataProvider<>(List.of());

    @Inject
    public EnvironmentsView(EnvironmentService environments) {
        this.environments = environments;
        grid.setId("environments");
        grid.addComponentColumn(environment -> new Anchor(Links.environment(environment.name()), environment.name()))
                .setHeader("Name").setComparator(EnvironmentData::name).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EnvironmentData::description).setHeader("Description").setFlexGrow(1);
        grid.addColumn(EnvironmentData::awsDefaultRegion).setHeader("AWS region").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EnvironmentData::awsEndpoint).setHeader("AWS endpoint").setAutoWidth(true).setFlexGrow(0);
        grid.addClassName("tc-bounded-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No environment to show: create one above, or clear the filter.");
        addClassName("tc-page");

        filter.setId("environment-filter");
        filter.setPlaceholder("Filter environments");
        filter.setTooltipText("Keeps the environments whose name, description, region or endpoint holds the text");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addClassName("tc-filter");
        filter.addValueChangeListener(change -> applyFilter());
        count.setId("environment-count");
        count.addClassName("tc-muted");
        HorizontalLayout toolbar = new HorizontalLayout(filter, count);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        form.create.addClickListener(click -> create());
        Div newEnvironment = new Div(new H3("New environment"), form);
        newEnvironment.addClassName("tc-card");
        newEnvironment.setId("new-environment");
        add(new H2("Environments"), newEnvironment, toolbar, grid);
        refresh();
    }

    void create() {
        try {
            EnvironmentData created = environments.create(form.value());
            form.clear();
            refresh();
            show(created.name());
            Notification.show("Environment " + created.name() + " created.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            form.showErrors(invalid.errors());
        } catch (AlreadyExistsException duplicate) {
            form.showErrors(List.of(new FieldError("name", duplicate.getMessage())));
        }
    }

    /** Brings the environment into view (clearing a filter that hides it) and selects it. */
    private void show(String name) {
        List<EnvironmentData> visible = visible();
        if (visible.stream().noneMatch(environment -> environment.name().equals(name))) {
            filter.clear();
            visible = visible();
        }
        for (int index = 0; index < visible.size(); index++) {
            if (visible.get(index).name().equals(name)) {
                grid.select(visible.get(index));
                grid.scrollToIndex(index);
                return;
            }
        }
    }

    void applyFilter() {
        shown.setFilter(environment -> EnvironmentFilter.matches(environment, filter.getValue()));
        showCount();
    }

    /** The environments the filter keeps, in the grid's order (by name, as the engine lists them). */
    List<EnvironmentData> visible() {
        return shown.getItems().stream().filter(environment -> EnvironmentFilter.matches(environment, filter.getValue()))
                .toList();
    }

    private void refresh() {
        shown = new ListDataProvider<>(environments.list());
        grid.setItems(shown);
        applyFilter();
        grid.recalculateColumnWidths();
    }

    private void showCount() {
        int all = shown.getItems().size();
        int kept = visible().size();
        count.setText(kept == all ? all + (all == 1 ? " environment" : " environments") : kept + " of " + all + " environments");
    }
}
