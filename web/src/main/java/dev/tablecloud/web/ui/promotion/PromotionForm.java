package dev.tablecloud.web.ui.promotion;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.promotion.PromotionData;
import dev.tablecloud.promotion.PromotionRequest;

import java.util.List;
import java.util.Map;

/**
 * The fields of a new promotion. The engine's own messages show inline, on the field each concerns,
 * so the UI and the API never word a rule differently.
 */
class PromotionForm extends FormLayout {

    static final String BY_HAND = "By hand only";
    static final String ON_CRON = "On a cron";
    static final String ONCE = "Once, at a moment";

    final Select<String> source = new Select<>();
    final Select<String> target = new Select<>();
    final RadioButtonGroup<String> runs = new RadioButtonGroup<>("Runs");
    final TextField cron = new TextField("Cron (Quartz)");
    final TextField timeZone = new TextField("Time zone");
    final TextField at = new TextField("At (ISO 8601, UTC)");
    final Select<String> commit = new Select<>();
    final Button create = new Button("Set up promotion");

    private final Map<String, HasValidation> fieldsByName;

    PromotionForm(List<String> environments) {
        source.setLabel("From");
        source.setId("promotion-source");
        source.setItems(environments);
        source.setPlaceholder("mycompany-staging");
        target.setLabel("Into");
        target.setId("promotion-target");
        target.setItems(environments);
        target.setPlaceholder("mycompany-prod");
        runs.setId("promotion-runs");
        runs.setItems(BY_HAND, ON_CRON, ONCE);
        runs.setValue(BY_HAND);
        cron.setId("promotion-cron");
        cron.setPlaceholder("0 0 6 ? * MON-FRI");
        cron.setHelperText("seconds minutes hours day-of-month month day-of-week");
        timeZone.setId("promotion-time-zone");
        timeZone.setValue("UTC");
        at.setId("promotion-at");
        at.setPlaceholder("2026-12-08T06:00:00Z");
        commit.setLabel("Commit in the target");
        commit.setId("promotion-commit");
        commit.setItems(PromotionData.NEXT_WINDOW, PromotionData.MANUAL);
        commit.setItemLabelGenerator(PromotionForm::commitLabel);
        commit.setValue(PromotionData.NEXT_WINDOW);
        create.setId("promotion-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runs.addValueChangeListener(change -> showScheduleFields());
        fieldsByName = Map.of("source", source, "target", target, "cron", cron, "timeZone", timeZone, "at", at,
                "commit", commit);
        add(source, target, commit, runs, cron, timeZone, at, create);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 3));
        setColspan(runs, 3);
        showScheduleFields();
    }

    static String commitLabel(String mode) {
        return PromotionData.NEXT_WINDOW.equals(mode) ? "In its next window, once approved" : "By a person, once approved";
    }

    PromotionRequest value() {
        String kind = runs.getValue();
        return new PromotionRequest(source.getValue(), target.getValue(), ON_CRON.equals(kind) ? cron.getValue() : null,
                ON_CRON.equals(kind) ? timeZone.getValue() : null, ONCE.equals(kind) ? at.getValue() : null,
                commit.getValue());
    }

    void showErrors(List<FieldError> errors) {
        clearErrors();
        for (FieldError error : errors) {
            HasValidation field = fieldsByName.getOrDefault(error.field(), source);
            field.setErrorMessage(error.message());
            field.setInvalid(true);
        }
    }

    void clear() {
        source.clear();
        target.clear();
        cron.clear();
        at.clear();
        runs.setValue(BY_HAND);
        clearErrors();
    }

    private void clearErrors() {
        fieldsByName.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    private void showScheduleFields() {
        cron.setVisible(ON_CRON.equals(runs.getValue()));
        timeZone.setVisible(ON_CRON.equals(runs.getValue()));
        at.setVisible(ONCE.equals(runs.getValue()));
    }
}
