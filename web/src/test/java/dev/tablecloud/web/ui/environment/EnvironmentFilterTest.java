package dev.tablecloud.web.ui.environment;

import dev.tablecloud.environment.EnvironmentData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentFilterTest {

    private final EnvironmentData staging = new EnvironmentData("shop-staging", "The shop before prod", "eu-west-1",
            null, null);

    @Test
    void findsTheTextInNameDescriptionOrRegionIgnoringCase() {
        assertThat(EnvironmentFilter.matches(staging, "STAG")).isTrue();
        assertThat(EnvironmentFilter.matches(staging, "before prod")).isTrue();
        assertThat(EnvironmentFilter.matches(staging, "eu-west")).isTrue();
        assertThat(EnvironmentFilter.matches(staging, "us-east")).isFalse();
        assertThat(EnvironmentFilter.matches(staging, "")).isTrue();
    }
}
