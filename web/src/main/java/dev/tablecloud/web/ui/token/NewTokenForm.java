package dev.tablecloud.web.ui.token;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.token.NewToken;

import java.time.Instant;
import java.util.List;

/** What the new token is for, and when it stops working. The engine's messages land on the field they concern. */
class NewTokenForm extends FormLayout {

    final TextField name = new TextField("What is it for?");
    final Select<Expiry> expiry = new Select<>();
    final Button create = new Button("Create token");

    NewTokenForm() {
        name.setId("new-token-name");
        name.setPlaceholder("deploy script");
        name.setClearButtonVisible(true);
        name.setMaxLength(100);
        expiry.setId("new-token-expiry");
        expiry.setLabel("Expires");
        expiry.setItems(Expiry.values());
        expiry.setItemLabelGenerator(Expiry::label);
        expiry.setValue(Expiry.DAYS_90);
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, expiry, create);
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    NewToken value(Instant now) {
        Expiry chosen = expiry.getValue() == null ? Expiry.NEVER : expiry.getValue();
        return new NewToken(name.getValue().strip(), chosen.from(now));
    }

    void showErrors(List<FieldError> errors) {
        name.setInvalid(false);
        for (FieldError error : errors) {
            if ("expiresAt".equals(error.field())) {
                expiry.setErrorMessage(error.message());
                expiry.setInvalid(true);
            } else {
                name.setErrorMessage(error.message());
                name.setInvalid(true);
            }
        }
    }

    void clear() {
        name.clear();
        name.setInvalid(false);
        expiry.setInvalid(false);
    }
}
