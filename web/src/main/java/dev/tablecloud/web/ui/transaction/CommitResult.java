package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tablecloud.transaction.CommitReport;

import java.util.Locale;

/**
 * What the commit this page ran did, step by step: each cloud action's outcome, and on failure the
 * cloud's message and what was undone.
 */
class CommitResult extends Div {

    CommitResult() {
        setId("commit-result");
        addClassName("tc-card");
        setVisible(false);
    }

    void show(CommitReport report) {
        removeAll();
        setVisible(true);
        removeClassNames("tc-commit-ok", "tc-commit-failed");
        addClassName(report.committed() ? "tc-commit-ok" : "tc-commit-failed");
        add(new H3(report.committed() ? "Transaction " + report.transactionId() + " committed"
                : "Commit of transaction " + report.transactionId() + " failed"));
        if (!report.committed()) {
            Paragraph error = new Paragraph(report.error());
            error.addClassName("tc-failed");
            add(error);
        }
        UnorderedList steps = new UnorderedList();
        steps.addClassNames("tc-mono", "tc-commit-steps");
        for (CommitReport.StepReport step : report.steps()) {
            Span status = new Span(step.status().toLowerCase(Locale.ROOT).replace('_', ' '));
            status.getElement().getThemeList().add("badge small " + badge(step.status()));
            ListItem item = new ListItem(status, new Span(" " + step.action() + " " + step.tableName() + " "
                    + step.description() + (step.message() == null ? "" : " — " + step.message())));
            steps.add(item);
        }
        add(steps);
        if (!report.undo().isEmpty()) {
            add(new Paragraph("Undone: " + String.join("; ", report.undo())));
        }
        if (report.syncError() != null) {
            Paragraph sync = new Paragraph("The cloud has the changes, but the sync after them failed: "
                    + report.syncError() + " The next sync brings the tables up to date.");
            sync.addClassName("tc-reason");
            add(sync);
        }
    }

    private static String badge(String status) {
        return switch (status) {
            case "DONE" -> "success";
            case "FAILED", "UNDO_FAILED" -> "error";
            default -> "contrast";
        };
    }
}
