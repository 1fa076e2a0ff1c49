package dev.tablecloud.web.ui.environment;

import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.failure.FieldError;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Map;

/**
 * The fields of a new environment. Shows the engine's own messages inline, on the field each
 * one concerns, so the UI and the API never word a rule differently.
 */
class EnvironmentForm extends FormLayout {

    final TextField name = field("name", "Name", "mycompany-staging");
    final TextField description = field("description", "Description", "What this environment is for");
    final TextField awsDefaultRegion = field("awsDefaultRegion", "AWS default region", "us-east-1");
    final TextField awsEndpoint = field("awsEndpoint", "AWS endpoint override", "emulators only");
    final Button create = new Button("Create environment");

    private final Map<String, TextField> fieldsByName = Map.of(
            "name", name, "description", description, "awsDefaultRegion", awsDefaultRegion, "awsEndpoint", awsEndpoint);

    EnvironmentForm() {
        create.setId("create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, description, awsDefaultRegion, awsEndpoint, create);
        // Four fields a row on a wide screen: the form stays short above the list of environments.
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2), new ResponsiveStep("60em", 4));
    }

    EnvironmentData value() {
        return new EnvironmentData(name.getValue(), description.getValue(), awsDefaultRegion.getValue(),
                awsEndpoint.getValue(), null);
    }

    void showErrors(List<FieldError> errors) {
        clearErrors();
        for (FieldError error : errors) {
            TextField field = fieldsByName.getOrDefault(error.field(), name);
            field.setErrorMessage(error.message());
            field.setInvalid(true);
        }
    }

    void clear() {
        fieldsByName.values().forEach(TextField::clear);
        clearErrors();
    }

    private void clearErrors() {
        fieldsByName.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    private static TextField field(String id, String label, String placeholder) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        return field;
    }
}
