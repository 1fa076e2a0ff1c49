package dev.tablecloud.web.ui.schedule;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.schedule.CommitWindow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The environment's commit windows: a cron expression for each opening, how long it stays open, in
 * which time zone. Admins add and remove them; others see the buttons disabled with the reason.
 */
class WindowsEditor extends Div {

    static final List<Integer> DURATIONS = List.of(30, 60, 120, 180, 240, 360, 480, 720, 1440);

    final Grid<CommitWindow> grid = new Grid<>();
    final TextField cron = new TextField("Opens (Quartz cron)");
    final Select<Integer> duration = new Select<>();
    final ComboBox<String> zone = new ComboBox<>("Time zone");
    final Button add = new Button("Add window");
    final Paragraph reason = new Paragraph();
    private final Consumer<List<CommitWindow>> save;
    private final String refusal;
    private List<CommitWindow> windows = List.of();

    /**
     * @param save    replaces the windows with the list given (the engine checks each)
     * @param refusal why the viewer may not change them, or null for an admin
     */
    WindowsEditor(Consumer<List<CommitWindow>> save, String refusal) {
        this.save = save;
        this.refusal = refusal;
        setId("windows-editor");
        addClassNames("tc-card", "tc-schedule-card");
        Paragraph about = new Paragraph("Scheduled commits run only inside a window; with none, at any time."
                + " A person's commit is bound by freezes only.");
        about.addClassName("tc-muted");
        grid.setId("windows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(CommitWindow::cron).setHeader("Opens (cron)").setFlexGrow(1);
        grid.addColumn(window -> durationLabel(window.durationMinutes())).setHeader("For").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(CommitWindow::timeZone).setHeader("Time zone").setWidth("10rem").setFlexGrow(0);
        grid.addComponentColumn(this::removeButton).setHeader("").setWidth("7rem").setFlexGrow(0);
        grid.setEmptyStateText("No windows: scheduled commits run at the time asked.");
        cron.setId("window-cron");
        cron.setPlaceholder("0 0 22 ? * TUE-THU");
        cron.setHelperText("seconds minutes hours day-of-month month day-of-week: \"0 0 22 ? * TUE-THU\" opens at"
                + " 22:00 Tuesday to Thursday");
        cron.setWidth("20rem");
        duration.setId("window-duration");
        duration.setLabel("Open for");
        duration.setItems(DURATIONS);
        duration.setItemLabelGenerator(WindowsEditor::durationLabel);
        duration.setValue(180);
        zone.setId("window-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue("UTC");
        zone.setWidth("14rem");
        add.setId("window-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> addWindow());
        HorizontalLayout form = new HorizontalLayout(cron, duration, zone, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        reason.setId("windows-reason");
        reason.addClassName("tc-reason");
        add(new H3("Commit windows"), about, grid, form);
        if (refusal != null) {
            cron.setEnabled(false);
            duration.setEnabled(false);
            zone.setEnabled(false);
            add.setEnabled(false);
            reason.setText(refusal);
            add(reason);
        }
    }

    void show(List<CommitWindow> windows) {
        this.windows = List.copyOf(windows);
        grid.setItems(this.windows);
    }

    private Button removeButton(CommitWindow window) {
        Button remove = new Button("Remove", click -> {
            List<CommitWindow> rest = new ArrayList<>(windows);
            rest.remove(window);
            save.accept(rest);
        });
        remove.setId("window-remove-" + windows.indexOf(window));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setEnabled(refusal == null);
        return remove;
    }

    void addWindow() {
        cron.setInvalid(false);
        zone.setInvalid(false);
        List<CommitWindow> more = new ArrayList<>(windows);
        more.add(new CommitWindow(cron.getValue().strip(), duration.getValue() == null ? 0 : duration.getValue(),
                zone.getValue() == null ? "" : zone.getValue()));
        try {
            save.accept(more);
            cron.clear();
        } catch (InvalidInputException refused) {
            String prefix = "windows[" + (more.size() - 1) + "].";
            for (FieldError error : refused.errors()) {
                if (error.field().equals(prefix + "cron")) {
                    cron.setErrorMessage(error.message());
                    cron.setInvalid(true);
                } else if (error.field().equals(prefix + "timeZone")) {
                    zone.setErrorMessage(error.message());
                    zone.setInvalid(true);
                } else {
                    throw refused;
                }
            }
        }
    }

    static String durationLabel(int minutes) {
        return minutes < 60 ? minutes + " min" : minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
