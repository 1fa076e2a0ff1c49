package dev.tablecloud.token;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretTest {

    @Test
    void tokensAreLongRandomAndRecognisable() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = TokenSecret.generate();
            assertThat(token).startsWith("tct_").hasSize(4 + 43).matches("tct_[A-Za-z0-9_-]+");
            made.add(token);
        }
        assertThat(made).hasSize(1000);
    }

    @Test
    void onlyAHashAndTheFirstCharactersAreKept() {
        String token = TokenSecret.generate();

        assertThat(TokenSecret.hash(token)).hasSize(64).doesNotContain(token.substring(4))
                .isEqualTo(TokenSecret.hash(token)).isNotEqualTo(TokenSecret.hash(token + "x"));
        assertThat(TokenSecret.shown(token)).isEqualTo(token.substring(0, 10));
    }
}
