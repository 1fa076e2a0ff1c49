package dev.tablecloud.web.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import dev.tablecloud.security.GrantData;
import dev.tablecloud.security.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Which user gets which role where: in one environment, or in every environment. */
class GrantForm extends FormLayout {

    final Select<String> user = new Select<>();
    final Select<String> role = new Select<>();
    final Select<String> environment = new Select<>();
    final Button grant = new Button("Grant role");

    GrantForm() {
        user.setId("grant-user");
        user.setLabel("User");
        user.setPlaceholder("Choose a user");
        role.setId("grant-role");
        role.setLabel("Role");
        role.setItems(Arrays.stream(Role.values()).map(Role::label).toList());
        role.setValue(Role.VIEWER.label());
        role.setHelperText(RoleLabels.meaning(Role.VIEWER.label()));
        role.addValueChangeListener(change -> role.setHelperText(RoleLabels.meaning(change.getValue())));
        environment.setId("grant-environment");
        environment.setLabel("In");
        grant.setId("grant");
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grant.setEnabled(false);
        grant.setTooltipText("Choose a user first");
        user.addValueChangeListener(change -> grant.setEnabled(change.getValue() != null));
        add(user, role, environment, grant);
        // One field a row: user and environment names are long, and a select cuts what does not fit.
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    /** Offers these users and environments, keeping what is chosen when it is still there. */
    void offer(List<String> users, List<String> environments) {
        String chosenUser = user.getValue();
        String chosenEnvironment = environment.getValue();
        user.setItems(users);
        if (chosenUser != null && users.contains(chosenUser)) {
            user.setValue(chosenUser);
        }
        List<String> places = new ArrayList<>();
        places.addAll(environments);
        places.add(RoleLabels.EVERYWHERE);
        environment.setItems(places);
        environment.setValue(chosenEnvironment != null && places.contains(chosenEnvironment) ? chosenEnvironment
                : places.get(0));
    }

    /** The grant chosen; environment null for every environment. */
    GrantData value() {
        return new GrantData(RoleLabels.environment(environment.getValue()), role.getValue());
    }
}
