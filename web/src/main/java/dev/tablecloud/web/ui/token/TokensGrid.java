package dev.tablecloud.web.ui.token;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.token.TokenData;
import dev.tablecloud.token.TokenState;

import java.util.List;
import java.util.function.Consumer;

/** The user's tokens, newest first, each with its last use and a revoke button while it still works. */
class TokensGrid extends Grid<TokenData> {

    private final Consumer<TokenData> onRevoke;

    TokensGrid(Consumer<TokenData> onRevoke) {
        super(TokenData.class, false);
        this.onRevoke = onRevoke;
        setId("tokens");
        addClassName("tc-bounded-grid");
        addColumn(TokenData::name).setHeader("Name").setFlexGrow(1);
        addColumn(token -> token.prefix() + "…").setHeader("Token").setAutoWidth(true).setFlexGrow(0);
        addColumn(token -> Times.of(token.createdAt(), "—")).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        addColumn(token -> Times.of(token.expiresAt(), "never")).setHeader("Expires").setAutoWidth(true).setFlexGrow(0);
        addColumn(token -> Times.of(token.lastUsedAt(), "not yet")).setHeader("Last used").setAutoWidth(true)
                .setFlexGrow(0);
        addComponentColumn(this::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setEmptyStateText("No token yet. Create one above for a script.");
    }

    void show(List<TokenData> tokens) {
        setItems(tokens);
    }

    static boolean isActive(TokenData token) {
        return TokenState.ACTIVE.label().equals(token.state());
    }

    private Component state(TokenData token) {
        Span state = new Span(token.state());
        state.getElement().getThemeList().add(isActive(token) ? "badge success" : "badge contrast");
        return state;
    }

    Button revokeButton(TokenData token) {
        Button revoke = new Button("Revoke", click -> onRevoke.accept(token));
        revoke.setId("revoke-token-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setEnabled(isActive(token));
        return revoke;
    }
}
