package dev.tablecloud.web.headers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    @Test
    void theApiLoadsNothingAndNoPageMayBeFramed() {
        assertThat(SecurityHeaders.policyFor("/api/v1/environments")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(SecurityHeaders.policyFor("/environments/staging")).contains("frame-ancestors 'none'")
                .contains("default-src 'self'").contains("object-src 'none'").doesNotContain("*");
        assertThat(SecurityHeaders.policyFor("/")).isEqualTo(SecurityHeaders.UI_POLICY);
    }
}
