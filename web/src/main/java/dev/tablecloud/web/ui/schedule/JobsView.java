package dev.tablecloud.web.ui.schedule;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.jobrun.JobRunOutcome;
import dev.tablecloud.jobrun.JobRunService;
import dev.tablecloud.web.ui.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Every run of every job in the environments one may see, newest first, filtered by environment, job and outcome. */
@Route(Links.JOBS)
@PermitAll
public class JobsView extends VerticalLayout implements HasDynamicTitle {

    static final int RUNS_SHOWN = 200;
    static final String ALL = "";

    final Select<String> environment = new Select<>();
    final Select<String> kind = new Select<>();
    final Select<String> outcome = new Select<>();
    final JobRunsGrid runs = new JobRunsGrid(true);
    private final JobRunService jobRuns;

    @Inject
    public JobsView(JobRunService jobRuns, EnvironmentService environments) {
        this.jobRuns = jobRuns;
        addClassName("tc-page");
        H2 title = new H2("Job history");
        title.setId("jobs-title");
        Paragraph about = new Paragraph("What the scheduled jobs did, on which node, and why a run failed or was"
                + " moved. The latest " + RUNS_SHOWN + " runs that match.");
        about.addClassName("tc-muted");
        List<String> names = new ArrayList<>(List.of(ALL));
        environments.list().stream().map(EnvironmentData::name).forEach(names::add);
        filter(environment, "job-environment", "Environment", names, "every environment");
        List<String> kinds = new ArrayList<>(List.of(ALL));
        kinds.addAll(jobRuns.kinds());
        filter(kind, "job-kind", "Job", kinds, "every job");
        List<String> outcomes = new ArrayList<>(List.of(ALL));
        for (JobRunOutcome value : JobRunOutcome.values()) {
            outcomes.add(value.name());
        }
        filter(outcome, "job-outcome", "Outcome", outcomes, "any outcome");
        outcome.setItemLabelGenerator(value -> value.isEmpty() ? "any outcome" : JobRunsGrid.label(JobRunOutcome.valueOf(value)));
        HorizontalLayout filters = new HorizontalLayout(environment, kind, outcome);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        runs.setId("job-runs");
        runs.setHeight("min(40rem, 65vh)");
        add(title, about, filters, runs);
        refresh();
    }

    private void filter(Select<String> select, String id, String label, List<String> values, String all) {
        select.setId(id);
        select.setLabel(label);
        select.setItems(values);
        select.setItemLabelGenerator(value -> value.isEmpty() ? all : value);
        select.setValue(ALL);
        select.addClassName("tc-job-filter");
        select.addValueChangeListener(change -> refresh());
    }

    void refresh() {
        runs.show(jobRuns.list(orNull(environment.getValue()), orNull(kind.getValue()),
                outcome.getValue() == null || outcome.getValue().isEmpty() ? null : JobRunOutcome.valueOf(outcome.getValue()),
                RUNS_SHOWN));
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String getPageTitle() {
        return "Job history · Tablecloud";
    }
}
