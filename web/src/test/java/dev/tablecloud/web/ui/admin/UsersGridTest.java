package dev.tablecloud.web.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.security.GrantData;
import dev.tablecloud.security.UserData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsersGridTest {

    private final List<String> revoked = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final UsersGrid grid = new UsersGrid((user, grant) -> revoked.add(user + ":" + RoleLabels.text(grant)),
            removed::add);

    @Test
    void aChipsCrossRevokesThatGrantOfThatUser() {
        Span chip = grid.chip("bob", new GrantData("staging", "author"));
        Button cross = (Button) chip.getChildren().filter(Button.class::isInstance).findFirst().orElseThrow();

        cross.click();

        assertThat(chip.getElement().getTextRecursively()).contains("author in staging");
        assertThat(cross.getId()).contains("revoke-bob-author-staging");
        assertThat(revoked).containsExactly("bob:author in staging");
    }

    @Test
    void theRemoveButtonNamesItsUser() {
        Button remove = grid.removeButton(new UserData("carol", List.of()));

        remove.click();

        assertThat(removed).containsExactly("carol");
    }

    @Test
    void theFilterFindsUsersByNameRoleOrEnvironment() {
        UserData bob = new UserData("bob", List.of(new GrantData("staging", "viewer")));

        assertThat(UsersGrid.matches(bob, "BO")).isTrue();
        assertThat(UsersGrid.matches(bob, "stag")).isTrue();
        assertThat(UsersGrid.matches(bob, "viewer in staging")).isTrue();
        assertThat(UsersGrid.matches(bob, "prod")).isFalse();
        assertThat(UsersGrid.matches(bob, "  ")).isTrue();
    }
}
