package dev.tablecloud.web.ui.admin;

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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.security.CreatedUser;
import dev.tablecloud.security.GrantData;
import dev.tablecloud.security.NewUser;
import dev.tablecloud.security.UserData;
import dev.tablecloud.security.UserService;
import dev.tablecloud.web.ui.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Users and their roles, for admins of every environment. Anyone else who opens it gets the
 * engine's refusal (the refused page), since listing users is itself an admin's use case.
 */
@Route(Links.USERS)
@PermitAll
@PageTitle("Users · Tablecloud")
public class UsersView extends VerticalLayout implements BeforeEnterObserver {

    final NewUserForm newUser = new NewUserForm();
    final GeneratedPassword generated = new GeneratedPassword();
    final GrantForm grantForm = new GrantForm();
    final TextField filter = new TextField();
    final UsersGrid grid;
    private final UserService users;
    private final EnvironmentService environments;

    @Inject
    public UsersView(UserService users, EnvironmentService environments) {
        this.users = users;
        this.environments = environments;
        grid = new UsersGrid(this::revoke, this::confirmRemove);
        addClassName("tc-page");
        setId("users-page");

        Paragraph intro = new Paragraph("Roles hold per environment: a viewer reads, an author changes rows, a"
                + " reviewer approves, an admin does everything. A role in every environment also covers"
                + " environments created later.");
        intro.addClassNames("tc-muted", "tc-description");
        newUser.create.addClickListener(click -> create());
        Div newUserCard = new Div(new H3("New user"), newUser, generated);
        newUserCard.addClassName("tc-card");
        newUserCard.setId("new-user");
        grantForm.grant.addClickListener(click -> grant());
        Div grantCard = new Div(new H3("Grant a role"), grantForm);
        grantCard.addClassName("tc-card");
        grantCard.setId("grant-role-card");
        Div forms = new Div(newUserCard, grantCard);
        forms.addClassName("tc-admin-forms");

        filter.setId("user-filter");
        filter.setPlaceholder("Filter by name, role or environment");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> grid.filter(change.getValue()));
        filter.addClassName("tc-filter");
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                grantForm.user.setValue(change.getValue().name());
            }
        });
        add(new H2("Users and roles"), intro, forms, new H3("Users"), filter, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        List<UserData> all = users.list();
        grid.show(all);
        grantForm.offer(all.stream().map(UserData::name).toList(),
                environments.list().stream().map(EnvironmentData::name).toList());
    }

    void create() {
        String name = newUser.name.getValue().strip();
        try {
            if (newUser.generatesPassword()) {
                CreatedUser created = users.createWithGeneratedPassword(name, List.of());
                generated.show(created);
            } else {
                users.create(new NewUser(name, newUser.password.getValue(), List.of()));
                generated.forget();
            }
        } catch (InvalidInputException invalid) {
            newUser.showErrors(invalid.errors());
            return;
        } catch (AlreadyExistsException duplicate) {
            newUser.showErrors(List.of(new FieldError("name", duplicate.getMessage())));
            return;
        }
        newUser.clear();
        refresh();
        grantForm.user.setValue(name);
        success("User " + name + " created. Grant them a role: without one they see nothing.");
    }

    void grant() {
        String user = grantForm.user.getValue();
        GrantData grant = grantForm.value();
        users.grant(user, grant);
        refresh();
        success("Granted " + RoleLabels.text(grant) + " to " + user + ".");
    }

    void revoke(String user, GrantData grant) {
        users.revoke(user, grant);
        refresh();
        success("Revoked " + RoleLabels.text(grant) + " from " + user + ".");
    }

    private void confirmRemove(String user) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-remove");
        confirm.setHeader("Remove " + user + "?");
        confirm.setText(user + " will no longer sign in, and loses every role. What they did stays recorded under"
                + " their name.");
        confirm.setCancelable(true);
        Button removeNow = new Button("Remove " + user, click -> {
            confirm.close();
            remove(user);
        });
        removeNow.setId("confirm-remove-button");
        removeNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setConfirmButton(removeNow);
        confirm.open();
    }

    void remove(String user) {
        users.remove(user);
        refresh();
        success("Removed " + user + ".");
    }

    private static void success(String text) {
        Notification.show(text).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
