package dev.tablecloud.web.ui.schedule;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.jobrun.JobRunService;
import dev.tablecloud.schedule.CommitWindowService;
import dev.tablecloud.schedule.CommitWindowsData;
import dev.tablecloud.schedule.ScheduledCommitData;
import dev.tablecloud.schedule.ScheduledCommitService;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.Times;
import dev.tablecloud.web.ui.shell.EnvironmentNav;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * When an environment commits: whether a scheduled commit may run now and when next, the commit
 * waiting for its time, the windows and freezes (admins change them), and the latest job runs here.
 */
@Route(Links.ENVIRONMENTS + "/:name/schedule")
@PermitAll
public class ScheduleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int RUNS_SHOWN = 50;

    final Paragraph standing = new Paragraph();
    final Paragraph scheduled = new Paragraph();
    final JobRunsGrid runs = new JobRunsGrid(false);
    WindowsEditor windowsEditor;
    FreezesEditor freezesEditor;
    private final CommitWindowService windows;
    private final ScheduledCommitService schedules;
    private final JobRunService jobRuns;
    private final EnvironmentService environments;
    private final Access access;
    private String environment = "";

    @Inject
    public ScheduleView(CommitWindowService windows, ScheduledCommitService schedules, JobRunService jobRuns,
                        EnvironmentService environments, Access access) {
        this.windows = windows;
        this.schedules = schedules;
        this.jobRuns = jobRuns;
        this.environments = environments;
        this.access = access;
        addClassName("tc-page");
        standing.setId("schedule-standing");
        scheduled.setId("scheduled-commit");
        runs.setId("job-runs");
        runs.addClassName("tc-bounded-grid");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        environment = event.getRouteParameters().get("name").orElse("");
        environments.get(environment);
        removeAll();
        String refusal = adminRefusal();
        windowsEditor = new WindowsEditor(list -> show(windows.replace(environment, list, windows.get(environment).freezes())),
                refusal);
        freezesEditor = new FreezesEditor(list -> show(windows.replace(environment, windows.get(environment).windows(), list)),
                refusal);
        VerticalLayout editors = new VerticalLayout(windowsEditor, freezesEditor);
        editors.setPadding(false);
        Div runsCard = new Div(new H3("Latest job runs in " + environment), runs);
        runsCard.addClassNames("tc-card", "tc-runs-card");
        H2 title = new H2("Commit windows and schedule");
        title.setId("schedule-title");
        add(new EnvironmentNav(environment, EnvironmentNav.Page.SCHEDULE), title, standing, scheduled, editors, runsCard);
        show(windows.get(environment));
    }

    private void show(CommitWindowsData data) {
        windowsEditor.show(data.windows());
        freezesEditor.show(data.freezes());
        standing.setText(standing(data));
        standing.setClassName("tc-reason", !data.nowAllowed());
        Optional<ScheduledCommitData> waiting = schedules.current(environment);
        scheduled.removeAll();
        if (waiting.isEmpty()) {
            scheduled.setText("No commit is scheduled. Schedule one from the transaction page.");
        } else {
            scheduled.setText(describe(waiting.get()) + " ");
            scheduled.add(new Anchor(Links.transaction(environment), "Transaction page"));
        }
        runs.show(jobRuns.list(environment, null, null, RUNS_SHOWN));
    }

    static String standing(CommitWindowsData data) {
        if (data.nowAllowed()) {
            return data.windows().isEmpty() && data.freezes().isEmpty()
                    ? "No windows and no freezes: commits may run at any time."
                    : "A commit window is open now: scheduled commits may run.";
        }
        return data.now();
    }

    static String describe(ScheduledCommitData schedule) {
        return "The commit of transaction " + schedule.transactionId() + " is " + (schedule.state().equals(
                ScheduledCommitData.RUNNING) ? "running since " + Times.of(schedule.startedAt()) + " on " + schedule.node()
                : "scheduled for " + Times.of(schedule.dueAt()) + (schedule.mode().equals(ScheduledCommitData.NEXT_WINDOW)
                ? " (the next window)" : "")) + ", asked by " + schedule.requestedBy() + "."
                + (schedule.message() == null ? "" : " " + schedule.message());
    }

    private String adminRefusal() {
        try {
            access.require(environment, Role.ADMIN, "change the commit windows and freezes");
            return null;
        } catch (ForbiddenException refused) {
            return refused.getMessage();
        }
    }

    @Override
    public String getPageTitle() {
        return "Schedule · " + environment + " · Tablecloud";
    }
}
