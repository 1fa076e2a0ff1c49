package dev.tablecloud.web.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import dev.tablecloud.failure.FieldError;

import java.util.List;

/**
 * Name and password of a new user. An empty password asks the server to make one up. The engine's
 * messages land on the field they concern, as on the environment form.
 */
class NewUserForm extends FormLayout {

    final TextField name = new TextField("User name");
    final PasswordField password = new PasswordField("Password");
    final Button create = new Button("Create user");

    NewUserForm() {
        name.setId("new-user-name");
        name.setPlaceholder("alice");
        name.setClearButtonVisible(true);
        password.setId("new-user-password");
        password.setHelperText("At least 10 characters. Leave it empty and the server makes one up, shown once.");
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, password, create);
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    /** Whether the server should make up the password. */
    boolean generatesPassword() {
        return password.getValue().isEmpty();
    }

    void showErrors(List<FieldError> errors) {
        clearErrors();
        for (FieldError error : errors) {
            TextFieldBase<?, String> field = "password".equals(error.field()) ? password : name;
            field.setErrorMessage(error.message());
            field.setInvalid(true);
        }
    }

    void clear() {
        name.clear();
        password.clear();
        clearErrors();
    }

    private void clearErrors() {
        for (TextFieldBase<?, String> field : List.<TextFieldBase<?, String>>of(name, password)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }
}
