package dev.tablecloud.web.ui.admin;

import dev.tablecloud.security.GrantData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GrantFormTest {

    private final GrantForm form = new GrantForm();

    @Test
    void grantsInTheChosenEnvironmentOrEverywhere() {
        form.offer(List.of("alice", "bob"), List.of("prod", "staging"));
        form.user.setValue("bob");
        form.role.setValue("reviewer");

        form.environment.setValue("staging");
        assertThat(form.value()).isEqualTo(new GrantData("staging", "reviewer"));
        form.environment.setValue(RoleLabels.EVERYWHERE);
        assertThat(form.value()).isEqualTo(new GrantData(null, "reviewer"));
    }

    @Test
    void theButtonWaitsForAUserAndAChoiceSurvivesARefresh() {
        form.offer(List.of("alice", "bob"), List.of("prod", "staging"));
        assertThat(form.grant.isEnabled()).isFalse();

        form.user.setValue("bob");
        form.environment.setValue("staging");
        form.offer(List.of("alice", "bob", "carol"), List.of("prod", "staging"));

        assertThat(form.grant.isEnabled()).isTrue();
        assertThat(form.user.getValue()).isEqualTo("bob");
        assertThat(form.environment.getValue()).isEqualTo("staging");
    }

    @Test
    void withNoEnvironmentYetEverywhereIsTheChoice() {
        form.offer(List.of("alice"), List.of());

        assertThat(form.environment.getValue()).isEqualTo(RoleLabels.EVERYWHERE);
    }
}
