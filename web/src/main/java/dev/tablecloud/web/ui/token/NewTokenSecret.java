package dev.tablecloud.web.ui.token;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.tablecloud.token.CreatedToken;

/**
 * The new token, shown this once: only its hash is stored, so it cannot be shown again. Closing it
 * (or leaving the page) forgets it.
 */
class NewTokenSecret extends Div {

    final Paragraph note = new Paragraph();
    final Span secret = new Span();
    final Paragraph usage = new Paragraph();
    final Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
    final Button done = new Button("I have copied it");

    NewTokenSecret() {
        setId("new-token-secret");
        addClassNames("tc-card", "tc-generated-password");
        secret.setId("new-token-value");
        secret.addClassName("tc-secret");
        note.addClassName("tc-reason");
        usage.addClassName("tc-reason");
        copy.setId("copy-token");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClickListener(click -> copy.getElement().executeJs(
                "navigator.clipboard && navigator.clipboard.writeText($0)", secret.getText()));
        done.setId("forget-token");
        done.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        done.addClickListener(click -> forget());
        add(note, secret, copy, usage, done);
        setVisible(false);
    }

    void show(CreatedToken created) {
        note.setText("Token \"" + created.token().name() + "\": copy it now, it is shown only this once"
                + " (the server keeps just its hash).");
        secret.setText(created.secret());
        usage.setText("Send it as the header  Authorization: Bearer " + created.token().prefix()
                + "…  e.g. curl -H \"Authorization: Bearer $TABLECLOUD_TOKEN\" …/api/v1/environments");
        setVisible(true);
    }

    void forget() {
        secret.setText("");
        note.setText("");
        usage.setText("");
        setVisible(false);
    }
}
