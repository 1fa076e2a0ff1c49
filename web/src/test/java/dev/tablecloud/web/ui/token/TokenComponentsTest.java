package dev.tablecloud.web.ui.token;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.token.CreatedToken;
import dev.tablecloud.token.NewToken;
import dev.tablecloud.token.TokenData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenComponentsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static TokenData token(long id, String state) {
        return new TokenData(id, "alice", "deploy", "tct_abcdef", NOW, null, null, null, state);
    }

    @Test
    void theFormAsksForANameAndOffersNinetyDaysUnlessToldOtherwise() {
        NewTokenForm form = new NewTokenForm();
        form.name.setValue("  deploy script ");

        assertThat(form.value(NOW)).isEqualTo(new NewToken("deploy script", NOW.plus(Duration.ofDays(90))));
        form.expiry.setValue(Expiry.NEVER);
        assertThat(form.value(NOW).expiresAt()).isNull();
    }

    @Test
    void theEnginesMessagesLandOnTheirField() {
        NewTokenForm form = new NewTokenForm();

        form.showErrors(List.of(new FieldError("name", "A token needs a name."), new FieldError("expiresAt", "Too far.")));

        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("A token needs a name.");
        assertThat(form.expiry.isInvalid()).isTrue();
        form.clear();
        assertThat(form.name.isInvalid()).isFalse();
    }

    @Test
    void onlyATokenThatStillWorksCanBeRevoked() {
        List<Long> revoked = new ArrayList<>();
        TokensGrid grid = new TokensGrid(token -> revoked.add(token.id()));

        var active = grid.revokeButton(token(7, "active"));
        active.click();

        assertThat(revoked).containsExactly(7L);
        assertThat(grid.revokeButton(token(8, "revoked")).isEnabled()).isFalse();
        assertThat(grid.revokeButton(token(9, "expired")).isEnabled()).isFalse();
    }

    @Test
    void theSecretIsShownOnceAndForgotten() {
        NewTokenSecret secret = new NewTokenSecret();
        secret.show(new CreatedToken(token(1, "active"), "tct_the-secret"));

        assertThat(secret.isVisible()).isTrue();
        assertThat(secret.secret.getText()).isEqualTo("tct_the-secret");
        assertThat(secret.note.getText()).contains("shown only this once");
        secret.forget();
        assertThat(secret.secret.getText()).isEmpty();
        assertThat(secret.isVisible()).isFalse();
    }
}
