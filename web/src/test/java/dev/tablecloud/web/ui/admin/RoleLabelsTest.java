package dev.tablecloud.web.ui.admin;

import dev.tablecloud.security.GrantData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleLabelsTest {

    @Test
    void aGrantReadsAsRoleAndPlaceAndEverywhereIsNamed() {
        assertThat(RoleLabels.text(new GrantData("staging", "viewer"))).isEqualTo("viewer in staging");
        assertThat(RoleLabels.text(new GrantData(null, "admin"))).isEqualTo("admin in every environment");
    }

    @Test
    void theEverywhereChoiceMeansNoEnvironment() {
        assertThat(RoleLabels.environment(RoleLabels.EVERYWHERE)).isNull();
        assertThat(RoleLabels.environment("prod")).isEqualTo("prod");
    }

    @Test
    void idsTellGrantsApart() {
        assertThat(RoleLabels.revokeId("bob.smith", new GrantData("prod-eu", "author")))
                .isEqualTo("revoke-bob_smith-author-prod-eu");
        assertThat(RoleLabels.revokeId("bob", new GrantData(null, "admin"))).isEqualTo("revoke-bob-admin-everywhere");
        assertThat(RoleLabels.removeId("bob")).isEqualTo("remove-bob");
    }
}
