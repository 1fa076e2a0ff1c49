package dev.tablecloud.web.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.security.CreatedUser;

/**
 * The password the server made up for a new user, shown this once: only its hash is stored, so it
 * cannot be shown again. Closing it (or leaving the page) forgets it.
 */
class GeneratedPassword extends Div {

    final Span secret = new Span();
    final Paragraph note = new Paragraph();
    final Button done = new Button("I have passed it on");

    GeneratedPassword() {
        setId("generated-password");
        addClassNames("tc-card", "tc-generated-password");
        secret.setId("generated-password-value");
        secret.addClassName("tc-secret");
        note.addClassName("tc-reason");
        done.setId("forget-password");
        done.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        done.addClickListener(click -> forget());
        add(note, secret, done);
        setVisible(false);
    }

    void show(CreatedUser created) {
        note.setText("Password of " + created.user().name() + ", shown only now: the server keeps just its hash."
                + " Pass it on; they can change it with PUT /api/v1/users/" + created.user().name() + "/password.");
        secret.setText(created.password());
        setVisible(true);
    }

    void forget() {
        secret.setText("");
        note.setText("");
        setVisible(false);
    }
}
