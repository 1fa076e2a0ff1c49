package dev.tablecloud.web.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.ListDataProvider;
import dev.tablecloud.security.GrantData;
import dev.tablecloud.security.UserData;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Every user with their roles. Each role is a chip whose cross revokes it; each row has a remove
 * button. What those do is the view's (it asks the engine); the grid only shows and reports clicks.
 */
class UsersGrid extends Grid<UserData> {

    private final BiConsumer<String, GrantData> onRevoke;
    private final Consumer<String> onRemove;
    private ListDataProvider<UserData> shown = new ListDataProvider<>(List.of());
    private String filter = "";

    UsersGrid(BiConsumer<String, GrantData> onRevoke, Consumer<String> onRemove) {
        super(UserData.class, false);
        this.onRevoke = onRevoke;
        this.onRemove = onRemove;
        setId("users");
        addClassName("tc-bounded-grid");
        addColumn(UserData::name).setHeader("User").setAutoWidth(true).setFlexGrow(0).setSortable(true)
                .setComparator(UserData::name);
        addComponentColumn(this::roles).setHeader("Roles").setFlexGrow(1);
        addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setEmptyStateText("No user matches.");
    }

    void show(List<UserData> users) {
        shown = new ListDataProvider<>(users);
        shown.setFilter(user -> matches(user, filter));
        setItems(shown);
    }

    void filter(String text) {
        filter = text == null ? "" : text;
        shown.setFilter(user -> matches(user, filter));
    }

    /** A user matches a filter text found in their name or in one of their roles' texts. */
    static boolean matches(UserData user, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return true;
        }
        return user.name().toLowerCase(Locale.ROOT).contains(wanted)
                || user.roles().stream().anyMatch(grant -> RoleLabels.text(grant).toLowerCase(Locale.ROOT).contains(wanted));
    }

    private Component roles(UserData user) {
        Div chips = new Div();
        chips.addClassName("tc-role-chips");
        if (user.roles().isEmpty()) {
            Span none = new Span("no role: signs in but sees nothing");
            none.addClassName("tc-reason");
            chips.add(none);
        }
        user.roles().forEach(grant -> chips.add(chip(user.name(), grant)));
        return chips;
    }

    Span chip(String user, GrantData grant) {
        Span text = new Span(RoleLabels.text(grant));
        Button revoke = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> onRevoke.accept(user, grant));
        revoke.setId(RoleLabels.revokeId(user, grant));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        revoke.getElement().setAttribute("aria-label", "Revoke " + RoleLabels.text(grant) + " from " + user);
        revoke.setTooltipText("Revoke " + RoleLabels.text(grant) + " from " + user);
        Span chip = new Span(text, revoke);
        chip.addClassNames("tc-role-chip", "tc-role-" + grant.role());
        return chip;
    }

    Button removeButton(UserData user) {
        Button remove = new Button("Remove", click -> onRemove.accept(user.name()));
        remove.setId(RoleLabels.removeId(user.name()));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return remove;
    }
}
