package dev.tablecloud.web.ui.shell;

import dev.tablecloud.security.GrantData;
import dev.tablecloud.security.UserData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationItemsTest {

    @Test
    void usersIsOfferedOnlyToAdminsOfEveryEnvironment() {
        assertThat(NavigationItems.isAdminEverywhere(new UserData("admin", List.of(new GrantData(null, "admin"))))).isTrue();
        assertThat(NavigationItems.isAdminEverywhere(new UserData("ann", List.of(new GrantData("staging", "admin"))))).isFalse();
        assertThat(NavigationItems.isAdminEverywhere(new UserData("bob", List.of(new GrantData(null, "viewer"))))).isFalse();
    }

    @Test
    void theBadgeShowsWhatWaitsAndNothingWhenNothingDoes() {
        assertThat(NavigationItems.badge(0)).isNull();
        assertThat(NavigationItems.badge(3)).isEqualTo("3");
        assertThat(NavigationItems.badge(120)).isEqualTo("99+");
    }
}
