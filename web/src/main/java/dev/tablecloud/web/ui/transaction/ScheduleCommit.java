package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.tablecloud.schedule.CommitWindowService;
import dev.tablecloud.schedule.CommitWindowsData;
import dev.tablecloud.schedule.ScheduledCommitData;
import dev.tablecloud.schedule.ScheduledCommitService;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.Times;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * "Schedule commit…" beside the transaction's buttons: in the environment's next window or at a
 * time, run by the scheduled-commit job through the same review gate; once scheduled, when it
 * will run and a button to cancel it.
 */
class ScheduleCommit extends HorizontalLayout {

    static final String NEXT_WINDOW = "In the next commit window";
    static final String AT = "At a time (UTC)";

    final Button open = new Button("Schedule commit…");
    final Span waiting = new Span();
    final Button cancel = new Button("Cancel schedule");
    final Dialog dialog = new Dialog();
    final Select<String> when = new Select<>();
    final DateTimePicker at = new DateTimePicker("At (UTC)");
    final Paragraph standing = new Paragraph();
    final Button confirm = new Button("Schedule");
    final Anchor windowsPage = new Anchor("", "The environment's commit windows and freezes");
    private final ScheduledCommitService schedules;
    private final CommitWindowService windows;
    private String environment = "";
    private Runnable changed = () -> { };

    @Inject
    ScheduleCommit(ScheduledCommitService schedules, CommitWindowService windows) {
        this.schedules = schedules;
        this.windows = windows;
        setPadding(false);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        open.setId("schedule-commit");
        waiting.setId("commit-scheduled");
        waiting.addClassName("tc-scheduled");
        cancel.setId("cancel-schedule");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        when.setId("schedule-when");
        when.setLabel("When");
        when.setItems(NEXT_WINDOW, AT);
        when.setValue(NEXT_WINDOW);
        when.addValueChangeListener(change -> at.setVisible(AT.equals(change.getValue())));
        at.setId("schedule-at");
        at.setStep(Duration.ofMinutes(5));
        at.setVisible(false);
        standing.addClassName("tc-reason");
        standing.setId("schedule-standing-now");
        confirm.setId("schedule-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.setHeaderTitle("Schedule the commit");
        Paragraph what = new Paragraph("The commit runs by itself, as yours, through the review policy against a"
                + " fresh plan: a plan that changed since approval is not committed. Never outside a commit window.");
        what.addClassName("tc-muted");
        dialog.add(what, standing, windowsPage, when, at);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.setWidth("34em");
        open.addClickListener(click -> {
            CommitWindowsData now = windows.get(environment);
            standing.setText(now.nextAllowed() == null ? now.now()
                    : now.nowAllowed() ? "The next window is open now." : "The next window opens at " + Times.of(now.nextAllowed()) + ".");
            at.setValue(LocalDateTime.ofInstant(now.nextAllowed() == null ? java.time.Instant.now() : now.nextAllowed(),
                    ZoneOffset.UTC).withSecond(0).withNano(0).plusMinutes(5));
            dialog.open();
        });
        // A refusal (outside every window, a freeze, one already scheduled) goes to the failure
        // handler in the server's words; the dialog stays open with what was chosen.
        confirm.addClickListener(click -> {
            String moment = NEXT_WINDOW.equals(when.getValue()) ? ScheduledCommitData.NEXT_WINDOW
                    : at.getValue() == null ? "" : at.getValue().toInstant(ZoneOffset.UTC).toString();
            schedules.schedule(environment, moment);
            dialog.close();
            changed.run();
        });
        cancel.addClickListener(click -> {
            schedules.cancel(environment);
            changed.run();
        });
        add(open, waiting, cancel);
    }

    /**
     * @param refusal why the caller may not schedule now (the commit button's reason before the
     *                review's), or null
     * @param changed what the page does once the schedule changed
     */
    void show(String environment, boolean transactionOpen, String refusal, Runnable changed) {
        this.environment = environment;
        this.changed = changed;
        windowsPage.setHref(Links.schedule(environment));
        show(transactionOpen ? schedules.current(environment) : Optional.empty(), transactionOpen, refusal);
    }

    void show(Optional<ScheduledCommitData> current, boolean transactionOpen, String refusal) {
        open.setVisible(transactionOpen && current.isEmpty());
        open.setEnabled(refusal == null);
        open.setTooltipText(refusal);
        waiting.setVisible(current.isPresent());
        cancel.setVisible(current.filter(schedule -> schedule.state().equals(ScheduledCommitData.SCHEDULED)).isPresent());
        cancel.setEnabled(refusal == null);
        current.ifPresent(schedule -> waiting.setText(schedule.state().equals(ScheduledCommitData.RUNNING)
                ? "Scheduled commit running since " + Times.of(schedule.startedAt()) + "."
                : "Commit scheduled for " + Times.of(schedule.dueAt())
                + (schedule.mode().equals(ScheduledCommitData.NEXT_WINDOW) ? " (next window)" : "")
                + " by " + schedule.requestedBy() + "."));
    }
}
