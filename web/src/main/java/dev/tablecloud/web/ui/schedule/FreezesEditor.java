package dev.tablecloud.web.ui.schedule;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.schedule.CommitFreeze;
import dev.tablecloud.web.ui.Times;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The environment's freezes not yet over: from, to, why, who set it. Admins add and lift them;
 * others see the buttons disabled with the reason.
 */
class FreezesEditor extends Div {

    final Grid<CommitFreeze> grid = new Grid<>();
    final DateTimePicker from = new DateTimePicker("From (UTC)");
    final DateTimePicker to = new DateTimePicker("To (UTC)");
    final TextField reason = new TextField("Why");
    final Button add = new Button("Freeze");
    final Paragraph refused = new Paragraph();
    private final Consumer<List<CommitFreeze>> save;
    private final String refusal;
    private List<CommitFreeze> freezes = List.of();

    FreezesEditor(Consumer<List<CommitFreeze>> save, String refusal) {
        this.save = save;
        this.refusal = refusal;
        setId("freezes-editor");
        addClassNames("tc-card", "tc-schedule-card");
        Paragraph about = new Paragraph("During a freeze nothing commits, by hand or scheduled, unless an admin"
                + " commits with a written reason.");
        about.addClassName("tc-muted");
        grid.setId("freezes");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(freeze -> Times.of(freeze.from())).setHeader("From").setWidth("12rem").setFlexGrow(0);
        grid.addColumn(freeze -> Times.of(freeze.to())).setHeader("To").setWidth("12rem").setFlexGrow(0);
        grid.addColumn(CommitFreeze::reason).setHeader("Why").setFlexGrow(1);
        grid.addColumn(CommitFreeze::setBy).setHeader("Set by").setWidth("8rem").setFlexGrow(0);
        grid.addComponentColumn(this::liftButton).setHeader("").setWidth("6rem").setFlexGrow(0);
        grid.setEmptyStateText("No freeze ahead.");
        from.setId("freeze-from");
        to.setId("freeze-to");
        for (DateTimePicker picker : List.of(from, to)) {
            picker.setStep(Duration.ofMinutes(15));
        }
        // On the pickers' quarter-hour steps, the current one: a freeze set now covers now.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        LocalDateTime quarter = now.withMinute(now.getMinute() / 15 * 15);
        from.setValue(quarter);
        to.setValue(quarter.plusDays(1));
        reason.setId("freeze-reason");
        reason.setPlaceholder("Black Friday sale");
        reason.setWidth("16rem");
        add.setId("freeze-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> addFreeze());
        HorizontalLayout form = new HorizontalLayout(from, to, reason, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        refused.setId("freezes-reason");
        refused.addClassName("tc-reason");
        add(new H3("Freezes"), about, grid, form);
        if (refusal != null) {
            from.setEnabled(false);
            to.setEnabled(false);
            reason.setEnabled(false);
            add.setEnabled(false);
            refused.setText(refusal);
            add(refused);
        }
    }

    void show(List<CommitFreeze> freezes) {
        this.freezes = List.copyOf(freezes);
        grid.setItems(this.freezes);
    }

    private Button liftButton(CommitFreeze freeze) {
        Button lift = new Button("Lift", click -> {
            List<CommitFreeze> rest = new ArrayList<>(freezes);
            rest.remove(freeze);
            save.accept(rest);
        });
        lift.setId("freeze-lift-" + freezes.indexOf(freeze));
        lift.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        lift.setEnabled(refusal == null);
        return lift;
    }

    void addFreeze() {
        reason.setInvalid(false);
        to.setInvalid(false);
        List<CommitFreeze> more = new ArrayList<>(freezes);
        more.add(new CommitFreeze(from.getValue() == null ? null : from.getValue().toInstant(ZoneOffset.UTC),
                to.getValue() == null ? null : to.getValue().toInstant(ZoneOffset.UTC), reason.getValue().strip(), null));
        try {
            save.accept(more);
            reason.clear();
        } catch (InvalidInputException invalid) {
            String prefix = "freezes[" + (more.size() - 1) + "]";
            for (FieldError error : invalid.errors()) {
                if (error.field().equals(prefix + ".reason")) {
                    reason.setErrorMessage(error.message());
                    reason.setInvalid(true);
                } else if (error.field().startsWith(prefix)) {
                    to.setErrorMessage(error.message());
                    to.setInvalid(true);
                } else {
                    throw invalid;
                }
            }
        }
    }
}
