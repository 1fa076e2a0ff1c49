package dev.tablecloud.token;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aNamedTokenWithOrWithoutAFutureExpiryIsFine() {
        assertThatCode(() -> TokenRules.check(new NewToken("deploy script", null), NOW)).doesNotThrowAnyException();
        assertThatCode(() -> TokenRules.check(new NewToken("ci", NOW.plus(Duration.ofDays(30))), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingNameAndAPastExpiryAreBothNamed() {
        var invalid = catchThrowableOfType(InvalidInputException.class,
                () -> TokenRules.check(new NewToken(" ", NOW.minusSeconds(1)), NOW));

        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("name", "expiresAt");
        assertThat(invalid.getMessage()).contains("needs a name").contains("has passed");
    }

    @Test
    void anExpiryBeyondTwoYearsAndAnOverlongNameAreRefused() {
        var invalid = catchThrowableOfType(InvalidInputException.class,
                () -> TokenRules.check(new NewToken("x".repeat(101), NOW.plus(Duration.ofDays(800))), NOW));

        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("name", "expiresAt");
    }

    @Test
    void aTokenIsActiveUntilItExpiresOrIsRevoked() {
        Instant later = NOW.plusSeconds(60);
        assertThat(TokenState.of(null, null, NOW)).isEqualTo(TokenState.ACTIVE);
        assertThat(TokenState.of(later, null, NOW)).isEqualTo(TokenState.ACTIVE);
        assertThat(TokenState.of(later, null, later)).isEqualTo(TokenState.EXPIRED);
        assertThat(TokenState.of(later, NOW, NOW)).isEqualTo(TokenState.REVOKED);
    }
}
