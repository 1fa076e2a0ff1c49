package dev.tablecloud.web.ui.token;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.token.CreatedToken;
import dev.tablecloud.token.TokenData;
import dev.tablecloud.token.TokenService;
import dev.tablecloud.web.ui.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.Instant;

/** The signed-in user's personal API tokens: create one for a script, see when each was last used, revoke. */
@Route(Links.TOKENS)
@PermitAll
@PageTitle("API tokens · Tablecloud")
public class TokensView extends VerticalLayout implements BeforeEnterObserver {

    final NewTokenForm form = new NewTokenForm();
    final NewTokenSecret secret = new NewTokenSecret();
    final TokensGrid grid;
    private final TokenService tokens;

    @Inject
    public TokensView(TokenService tokens) {
        this.tokens = tokens;
        grid = new TokensGrid(this::confirmRevoke);
        addClassName("tc-page");
        setId("tokens-page");
        Paragraph intro = new Paragraph("A token lets a script call the API as you, with your roles as they are at"
                + " each call (never more): send it as the header Authorization: Bearer <token>. Revoke it the"
                + " moment it is not needed or may have leaked.");
        intro.addClassNames("tc-muted", "tc-description");
        form.create.addClickListener(click -> create());
        Div card = new Div(new H3("New token"), form);
        card.addClassName("tc-card");
        card.setId("new-token");
        Div forms = new Div(card, secret);
        forms.addClassName("tc-admin-forms");
        add(new H2("API tokens"), intro, forms, new H3("Your tokens"), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        grid.show(tokens.list(null, false));
    }

    void create() {
        CreatedToken created;
        try {
            created = tokens.create(form.value(Instant.now()));
        } catch (InvalidInputException invalid) {
            form.showErrors(invalid.errors());
            return;
        }
        form.clear();
        secret.show(created);
        refresh();
    }

    private void confirmRevoke(TokenData token) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-revoke");
        confirm.setHeader("Revoke \"" + token.name() + "\"?");
        confirm.setText("Scripts using " + token.prefix() + "… are refused from their next call on.");
        confirm.setCancelable(true);
        Button revokeNow = new Button("Revoke", click -> {
            confirm.close();
            revoke(token);
        });
        revokeNow.setId("confirm-revoke-button");
        revokeNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setConfirmButton(revokeNow);
        confirm.open();
    }

    void revoke(TokenData token) {
        tokens.revoke(token.id());
        refresh();
        Notification.show("Revoked \"" + token.name() + "\".").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
