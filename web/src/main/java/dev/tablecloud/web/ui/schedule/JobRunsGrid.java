package dev.tablecloud.web.ui.schedule;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.jobrun.JobRunData;
import dev.tablecloud.jobrun.JobRunOutcome;
import dev.tablecloud.web.ui.Times;

import java.time.Duration;
import java.util.List;

/** Job runs, newest first: when, which job, where, how it ended and why, on which node. */
class JobRunsGrid extends Grid<JobRunData> {

    JobRunsGrid(boolean withEnvironment) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(run -> Times.of(run.startedAt())).setHeader("Started").setWidth("12rem").setFlexGrow(0);
        addColumn(JobRunData::jobName).setHeader("Job").setWidth("11rem").setFlexGrow(0);
        if (withEnvironment) {
            addColumn(run -> run.environment() == null ? "all" : run.environment()).setHeader("Environment")
                    .setWidth("11rem").setFlexGrow(0);
        }
        addComponentColumn(JobRunsGrid::outcome).setHeader("Outcome").setWidth("9rem").setFlexGrow(0);
        addColumn(JobRunData::message).setHeader("What happened").setFlexGrow(1);
        addColumn(JobRunsGrid::took).setHeader("Took").setWidth("5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        addColumn(JobRunData::node).setHeader("Node").setWidth("8rem").setFlexGrow(0);
        setEmptyStateText("No job runs recorded yet.");
        addClassName("tc-job-runs");
    }

    void show(List<JobRunData> runs) {
        setItems(runs);
    }

    static Span outcome(JobRunData run) {
        Span badge = new Span(label(run.outcome()));
        badge.getElement().getThemeList().add("badge small " + switch (run.outcome()) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            case SKIPPED, MISSED_WINDOW -> "contrast";
        });
        return badge;
    }

    static String label(JobRunOutcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static String took(JobRunData run) {
        if (run.startedAt() == null || run.finishedAt() == null) {
            return "";
        }
        Duration took = Duration.between(run.startedAt(), run.finishedAt());
        return took.toSeconds() >= 60 ? took.toMinutes() + " min " + took.toSecondsPart() + " s"
                : took.toMillis() >= 1000 ? took.toSeconds() + " s" : took.toMillis() + " ms";
    }
}
