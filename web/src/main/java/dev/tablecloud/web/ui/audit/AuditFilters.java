package dev.tablecloud.web.ui.audit;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.tablecloud.audit.AuditFilter;
import dev.tablecloud.audit.AuditQuery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit page's filters. Each change hands the whole filter to the listener; a transaction
 * that is not a number is marked on its field and leaves the filter as it was.
 */
class AuditFilters extends Composite<HorizontalLayout> {

    static final String ANY = "any";

    final ComboBox<String> actor = new ComboBox<>("Actor");
    final Select<String> origin = new Select<>();
    final Select<String> changeType = new Select<>();
    final ComboBox<String> table = new ComboBox<>("Table");
    final TextField transaction = new TextField("Transaction");
    final DateTimePicker from = new DateTimePicker("From (UTC)");
    final DateTimePicker until = new DateTimePicker("Until (UTC)");
    private final Consumer<AuditFilter> changed;

    AuditFilters(List<String> actors, List<String> tables, Consumer<AuditFilter> changed) {
        this.changed = changed;
        actor.setId("filter-actor");
        actor.setItems(actors);
        actor.setAllowCustomValue(true);
        actor.addCustomValueSetListener(event -> actor.setValue(event.getDetail()));
        actor.setClearButtonVisible(true);
        actor.setPlaceholder(ANY);
        origin.setId("filter-origin");
        origin.setLabel("Origin");
        origin.setItems(withAny(AuditQuery.ORIGINS));
        origin.setValue(ANY);
        changeType.setId("filter-change");
        changeType.setLabel("Change");
        changeType.setItems(withAny(AuditQuery.CHANGE_TYPES));
        changeType.setValue(ANY);
        table.setId("filter-table");
        table.setItems(tables);
        table.setAllowCustomValue(true);
        table.addCustomValueSetListener(event -> table.setValue(event.getDetail()));
        table.setClearButtonVisible(true);
        table.setPlaceholder(ANY);
        transaction.setId("filter-transaction");
        transaction.setAllowedCharPattern("[0-9]");
        transaction.setClearButtonVisible(true);
        transaction.setPlaceholder(ANY);
        transaction.setValueChangeMode(ValueChangeMode.LAZY);
        transaction.addClassName("tc-audit-transaction");
        from.setId("filter-from");
        until.setId("filter-until");
        from.setStep(java.time.Duration.ofMinutes(1));
        until.setStep(java.time.Duration.ofMinutes(1));
        actor.addValueChangeListener(event -> fire());
        origin.addValueChangeListener(event -> fire());
        changeType.addValueChangeListener(event -> fire());
        table.addValueChangeListener(event -> fire());
        transaction.addValueChangeListener(event -> fire());
        from.addValueChangeListener(event -> fire());
        until.addValueChangeListener(event -> fire());
        HorizontalLayout layout = getContent();
        layout.setId("audit-filters");
        layout.addClassName("tc-audit-filters");
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.setWrap(true);
        layout.add(actor, origin, changeType, table, transaction, from, until);
    }

    private void fire() {
        AuditFilter filter = filter();
        if (filter != null) {
            changed.accept(filter);
        }
    }

    /** The filter the fields say, or null while one of them holds something that is not a filter. */
    AuditFilter filter() {
        Long transactionId = null;
        String digits = transaction.getValue().trim();
        transaction.setInvalid(false);
        if (!digits.isEmpty()) {
            try {
                transactionId = Long.valueOf(digits);
            } catch (NumberFormatException tooLong) {
                transaction.setErrorMessage("A transaction is a number like 12.");
                transaction.setInvalid(true);
                return null;
            }
        }
        Instant start = utc(from.getValue());
        Instant end = utc(until.getValue());
        until.setInvalid(false);
        if (start != null && end != null && !start.isBefore(end)) {
            until.setErrorMessage("Choose a moment after the start.");
            until.setInvalid(true);
            return null;
        }
        return new AuditFilter(actor.getValue(), any(origin.getValue()), any(changeType.getValue()), table.getValue(),
                transactionId, start, end);
    }

    private static Instant utc(LocalDateTime moment) {
        return moment == null ? null : moment.toInstant(ZoneOffset.UTC);
    }

    private static String any(String value) {
        return value == null || ANY.equals(value) ? null : value;
    }

    private static List<String> withAny(List<String> values) {
        List<String> items = new ArrayList<>();
        items.add(ANY);
        items.addAll(values);
        return items;
    }
}
