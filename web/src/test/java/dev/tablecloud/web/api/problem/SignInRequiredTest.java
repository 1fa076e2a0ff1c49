package dev.tablecloud.web.api.problem;

import dev.tablecloud.web.signin.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRequiredTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aLockedOutCallerIsToldToWaitAtLeastUntilTheLockEnds() {
        assertThat(SignInRequired.retryAfterSeconds(new Refusal(429, "locked", NOW.plusSeconds(900)), NOW))
                .isEqualTo(900);
        assertThat(SignInRequired.retryAfterSeconds(new Refusal(429, "wait", NOW.plusMillis(1200)), NOW))
                .isEqualTo(2);
        assertThat(SignInRequired.retryAfterSeconds(new Refusal(429, "wait", NOW.minusMillis(5)), NOW)).isEqualTo(1);
    }

    @Test
    void theDetailSaysWhyOrHowToSignIn() {
        assertThat(SignInRequired.detail(new Refusal(401, "The API token was revoked at …", null)))
                .startsWith("The API token was revoked");
        assertThat(SignInRequired.detail(null)).contains("Authorization: Basic").contains("Authorization: Bearer");
    }
}
