package dev.tablecloud.web.ui.drift;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.drift.DriftChange;
import dev.tablecloud.drift.DriftScheduleData;
import dev.tablecloud.drift.DriftService;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.Times;
import dev.tablecloud.web.ui.changes.ColumnChangeList;
import dev.tablecloud.web.ui.shell.EnvironmentNav;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What the cloud changed by hand, as the syncs outside any transaction found it: newest first, each
 * row old → new (click a row), and how often the environment syncs to look (admins change it).
 * Authors revert the drift: a transaction that puts the rows back, shown on the transaction page
 * for preview, review and commit.
 */
@Route(Links.ENVIRONMENTS + "/:name/drift")
@PermitAll
public class DriftView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int SHOWN = 300;
    /** Minutes; -1 stands for the server's default in the choice. */
    static final List<Integer> INTERVALS = List.of(-1, 0, 5, 15, 30, 60, 360, 1440);

    final Select<Integer> interval = new Select<>();
    final Paragraph scheduleNote = new Paragraph();
    final Grid<DriftChange> grid = new Grid<>();
    final Button revert = new Button("Revert drift");
    private final DriftService drift;
    private final EnvironmentService environments;
    private final Access access;
    private String environment = "";
    private boolean showing;

    @Inject
    public DriftView(DriftService drift, EnvironmentService environments, Access access) {
        this.drift = drift;
        this.environments = environments;
        this.access = access;
        addClassName("tc-page");
        interval.setId("drift-interval");
        interval.setLabel("Sync to look for drift");
        interval.setItems(INTERVALS);
        interval.addValueChangeListener(change -> {
            if (showing && change.isFromClient() && change.getValue() != null) {
                showSchedule(drift.setSchedule(environment, change.getValue() < 0 ? null : change.getValue()));
            }
        });
        scheduleNote.setId("drift-schedule-note");
        scheduleNote.addClassName("tc-muted");
        revert.setId("drift-revert");
        revert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        revert.addClickListener(click -> {
            drift.revert(environment, null);
            UI.getCurrent().navigate(Links.transaction(environment));
        });
        grid.setId("drift");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(change -> Times.of(change.at())).setHeader("Found").setWidth("12rem").setFlexGrow(0);
        grid.addColumn(DriftChange::table).setHeader("Table").setWidth("10rem").setFlexGrow(0);
        grid.addColumn(DriftChange::row).setHeader("Row").setFlexGrow(1);
        grid.addComponentColumn(DriftView::kind).setHeader("In the cloud").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(change -> ColumnChangeList.summary(change.changes())).setHeader("Columns").setFlexGrow(2);
        grid.addColumn(DriftChange::foundBy).setHeader("Found by").setWidth("9rem").setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(change -> {
            Div details = new Div(new ColumnChangeList(change.changes()));
            details.addClassName("tc-audit-changes");
            return details;
        }));
        grid.setEmptyStateText("No drift found: the cloud has matched the tables at every sync outside a transaction.");
        grid.addClassName("tc-bounded-grid");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        environment = event.getRouteParameters().get("name").orElse("");
        environments.get(environment);
        removeAll();
        showing = false;
        H2 title = new H2("Drift");
        title.setId("drift-title");
        Paragraph about = new Paragraph("Changes made in the cloud by hand, found by a sync outside any transaction"
                + " (Sync now on the overview, or this schedule). Newest first; click a row for old → new.");
        about.addClassName("tc-muted");
        String refusal = refusal(Role.ADMIN, "change the drift schedule");
        interval.setEnabled(refusal == null);
        Paragraph reason = reason(refusal);
        reason.setId("drift-schedule-reason");
        HorizontalLayout schedule = new HorizontalLayout(interval, scheduleNote);
        schedule.setAlignItems(FlexComponent.Alignment.BASELINE);
        String authorRefusal = refusal(Role.AUTHOR, "revert drift");
        revert.setEnabled(authorRefusal == null);
        Paragraph revertReason = reason(authorRefusal);
        revertReason.setId("drift-revert-reason");
        Paragraph revertAbout = new Paragraph("Revert drift opens a transaction that puts every drifted row back as it"
                + " was before the drift; preview, review and commit it to make the cloud match the rows again.");
        revertAbout.addClassName("tc-muted");
        HorizontalLayout reverting = new HorizontalLayout(revert, revertAbout);
        reverting.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new EnvironmentNav(environment, EnvironmentNav.Page.DRIFT), title, about, schedule, reason, reverting,
                revertReason, grid);
        showSchedule(drift.schedule(environment));
        grid.setItems(drift.changes(environment, SHOWN));
        showing = true;
    }

    private void showSchedule(DriftScheduleData schedule) {
        interval.setItemLabelGenerator(minutes -> label(minutes, schedule));
        interval.setValue(schedule.serverDefault() ? -1 : schedule.intervalMinutes());
        scheduleNote.setText(schedule.lastRunAt() == null ? "Not synced on schedule yet."
                : "Last synced on schedule at " + Times.of(schedule.lastRunAt()) + ".");
    }

    static String label(int minutes, DriftScheduleData schedule) {
        if (minutes < 0) {
            return "server default (" + every(schedule.serverDefaultMinutes()) + ")";
        }
        return every(minutes);
    }

    static String every(int minutes) {
        return minutes == 0 ? "never" : minutes < 60 ? "every " + minutes + " min"
                : minutes % 1440 == 0 ? "every " + (minutes / 1440 == 1 ? "day" : minutes / 1440 + " days")
                : "every " + (minutes / 60 == 1 ? "hour" : minutes / 60 + " h");
    }

    static Span kind(DriftChange change) {
        Span badge = new Span(change.kind());
        badge.getElement().getThemeList().add("badge small " + switch (change.kind()) {
            case DriftChange.APPEARED -> "success";
            case DriftChange.VANISHED -> "error";
            default -> "contrast";
        });
        return badge;
    }

    private static Paragraph reason(String refusal) {
        Paragraph reason = new Paragraph(refusal == null ? "" : refusal);
        reason.addClassName("tc-reason");
        reason.setVisible(refusal != null);
        return reason;
    }

    /** The engine's own words for a role this user lacks here, or null when they hold it. */
    private String refusal(Role role, String action) {
        try {
            access.require(environment, role, action);
            return null;
        } catch (ForbiddenException refused) {
            return refused.getMessage();
        }
    }

    @Override
    public String getPageTitle() {
        return "Drift · " + environment + " · Tablecloud";
    }
}
