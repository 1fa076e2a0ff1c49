package dev.tablecloud.security;

import dev.tablecloud.failure.ConflictException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminsLeftTest {

    @Test
    void theLastAdminOfEveryEnvironmentCannotBeLost() {
        assertThatThrownBy(() -> AdminsLeft.require(List.of("admin"), "admin", "remove user admin"))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Cannot remove user admin: admin is the last admin of every environment");
    }

    @Test
    void anAdminWithAnotherBesideThemOrSomeoneWhoIsNoneMayGo() {
        assertThatCode(() -> AdminsLeft.require(List.of("admin", "ops"), "admin", "remove user admin"))
                .doesNotThrowAnyException();
        assertThatCode(() -> AdminsLeft.require(List.of("admin"), "bob", "remove user bob"))
                .doesNotThrowAnyException();
    }
}
