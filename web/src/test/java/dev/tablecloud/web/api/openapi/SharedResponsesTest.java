package dev.tablecloud.web.api.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedResponsesTest {

    @Test
    void groupsAnOperationByWhatItActsOn() {
        assertThat(SharedResponses.tagOf("/api/v1/environments")).isEqualTo("environments");
        assertThat(SharedResponses.tagOf("/api/v1/environments/{name}")).isEqualTo("environments");
        assertThat(SharedResponses.tagOf("/api/v1/environments/{name}/transactions/current/commit"))
                .isEqualTo("transactions");
        assertThat(SharedResponses.tagOf("/api/v1/users/{name}/roles")).isEqualTo("users");
        assertThat(SharedResponses.tagOf("/api/v1/health")).isEqualTo("health");
    }
}
