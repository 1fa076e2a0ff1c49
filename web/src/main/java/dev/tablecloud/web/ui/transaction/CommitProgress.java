package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import dev.tablecloud.transaction.CommitProgressData;
import dev.tablecloud.transaction.CommitProgressData.State;
import dev.tablecloud.transaction.CommitProgressData.Step;
import dev.tablecloud.transaction.CommitProgressData.StepState;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A commit as it goes and how it ended, drawn from the progress the server keeps (not from the
 * session that started it): steps done of total on a bar, the steps calling the cloud now, each
 * step's outcome; on failure the cloud's message, what was undone, and that the rows are kept.
 */
class CommitProgress extends Div {

    final H3 title = new H3();
    final ProgressBar bar = new ProgressBar();
    final Span count = new Span();
    final Span running = new Span();
    final Paragraph error = new Paragraph();
    final Div undo = new Div();
    final Paragraph note = new Paragraph();
    final UnorderedList steps = new UnorderedList();
    private volatile CommitProgressData shown;
    /** Set from a click on commit until the server has recorded the attempt: the watch looks for it. */
    private volatile boolean awaiting;

    CommitProgress() {
        setId("commit-progress");
        addClassNames("tc-card", "tc-commit-progress");
        title.setId("commit-progress-title");
        bar.setId("commit-progress-bar");
        count.setId("commit-progress-count");
        count.addClassName("tc-commit-count");
        running.setId("commit-progress-running");
        running.addClassNames("tc-commit-running", "tc-mono");
        error.setId("commit-progress-error");
        error.addClassName("tc-failed");
        undo.setId("commit-progress-undo");
        undo.addClassName("tc-commit-undo");
        note.setId("commit-progress-note");
        note.addClassName("tc-reason");
        steps.setId("commit-progress-steps");
        steps.addClassNames("tc-mono", "tc-commit-steps");
        add(title, bar, count, running, error, steps, undo, note);
        setVisible(false);
    }

    /** What the page shows now, or null. */
    CommitProgressData shown() {
        return shown;
    }

    /** Whether the server's progress may still move what the page shows: read by the watch's thread. */
    boolean expectsMore() {
        CommitProgressData now = shown;
        return awaiting || now != null && !now.finished();
    }

    /** A commit this page just asked for, before the server has recorded anything of it. */
    void starting() {
        shown = null;
        awaiting = true;
        bar.removeThemeVariants(ProgressBarVariant.LUMO_SUCCESS, ProgressBarVariant.LUMO_ERROR);
        setVisible(true);
        mark("tc-commit-running-state");
        title.setText("Committing…");
        bar.setIndeterminate(true);
        count.setText("Locking the transaction and reading the cloud to make the plan");
        running.setVisible(false);
        error.setVisible(false);
        undo.setVisible(false);
        note.setVisible(false);
        steps.removeAll();
    }

    void hide() {
        shown = null;
        awaiting = false;
        setVisible(false);
    }

    /** Shows the progress; redraws only when it changed since last shown. */
    void show(CommitProgressData progress) {
        if (Objects.equals(progress, shown) && isVisible()) {
            return;
        }
        shown = progress;
        awaiting = false;
        setVisible(true);
        State state = progress.state();
        mark(switch (state) {
            case COMMITTED -> "tc-commit-ok";
            case FAILED, REFUSED -> "tc-commit-failed";
            default -> "tc-commit-running-state";
        });
        title.setText(title(progress));
        showBar(progress);
        count.setText(count(progress));
        String runningNow = progress.running().stream().map(CommitProgress::name).collect(Collectors.joining("; "));
        running.setText(runningNow.isEmpty() ? "" : "Running: " + runningNow);
        running.setVisible(!runningNow.isEmpty());
        boolean failed = state == State.FAILED || state == State.REFUSED;
        error.setText(failed ? Objects.requireNonNullElse(progress.error(), "") : "");
        error.setVisible(failed && progress.error() != null);
        showUndo(progress);
        note.setText(note(progress));
        note.setVisible(!note.getText().isEmpty());
        steps.removeAll();
        progress.steps().forEach(step -> steps.add(item(step)));
    }

    private void mark(String stateClass) {
        removeClassNames("tc-commit-ok", "tc-commit-failed", "tc-commit-running-state");
        addClassName(stateClass);
    }

    private static String title(CommitProgressData progress) {
        long id = progress.transactionId();
        String attempt = progress.recovered() ? " (finished after its server stopped)" : "";
        return switch (progress.state()) {
            case PLANNING -> "Committing transaction " + id + ": making the plan" + attempt;
            case APPLYING -> "Committing transaction " + id + attempt;
            case UNDOING -> "Commit of transaction " + id + " failed: undoing its changes" + attempt;
            case SYNCING -> "Committing transaction " + id + ": syncing the tables from the cloud" + attempt;
            case COMMITTED -> "Transaction " + id + " committed" + attempt;
            case FAILED -> "Commit of transaction " + id + " failed" + attempt;
            case REFUSED -> "Commit of transaction " + id + " refused";
        };
    }

    private void showBar(CommitProgressData progress) {
        bar.removeThemeVariants(ProgressBarVariant.LUMO_SUCCESS, ProgressBarVariant.LUMO_ERROR);
        if (progress.state() == State.COMMITTED) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
        } else if (progress.state() != State.APPLYING && progress.state() != State.PLANNING
                && progress.state() != State.SYNCING) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        }
        boolean planning = progress.state() == State.PLANNING;
        bar.setIndeterminate(planning);
        if (planning) {
            return;
        }
        bar.setMin(0);
        bar.setMax(Math.max(1, progress.total()));
        bar.setValue(progress.total() == 0 && progress.state() == State.COMMITTED ? 1 : progress.done());
    }

    private static String count(CommitProgressData progress) {
        if (progress.state() == State.PLANNING) {
            return "Reading the cloud and making the plan";
        }
        if (progress.state() == State.REFUSED) {
            return "Nothing was applied";
        }
        String of = "Steps " + progress.done() + " of " + progress.total();
        return switch (progress.state()) {
            case COMMITTED -> progress.total() == 0 ? "Nothing to change in the cloud" : of + " done";
            case FAILED, UNDOING -> of + " ended";
            default -> of + " done";
        };
    }

    private void showUndo(CommitProgressData progress) {
        undo.removeAll();
        if (progress.undo().isEmpty()) {
            undo.setVisible(false);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassNames("tc-mono", "tc-commit-steps");
        for (CommitProgressData.Undo one : progress.undo()) {
            Span status = badge(one.succeeded() ? "undone" : "not undone", one.succeeded() ? "contrast" : "error");
            list.add(new ListItem(status, new Span(" step " + one.step() + ": " + one.message())));
        }
        undo.add(new H4("Undo"), list);
        undo.setVisible(true);
    }

    private static String note(CommitProgressData progress) {
        return switch (progress.state()) {
            case FAILED, REFUSED -> "The transaction is open again; its rows are as you left them. Fix them and commit again.";
            case COMMITTED -> progress.syncError() == null ? ""
                    : "The cloud has the changes, but the sync after them failed: " + progress.syncError()
                    + " The next sync brings the tables up to date.";
            default -> "";
        };
    }

    private static ListItem item(Step step) {
        String status = step.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        ListItem item = new ListItem(badge(status, badgeTheme(step.status())),
                new Span(" " + name(step) + (step.message() == null ? "" : " — " + step.message())));
        item.addClassName("tc-commit-step-" + step.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return item;
    }

    private static String name(Step step) {
        return step.action() + " " + step.tableName() + " " + step.description();
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge small " + theme);
        return badge;
    }

    private static String badgeTheme(StepState status) {
        return switch (status) {
            case DONE -> "success";
            case FAILED, UNDO_FAILED -> "error";
            case RUNNING -> "primary";
            default -> "contrast";
        };
    }
}
