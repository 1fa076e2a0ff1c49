package dev.tablecloud.web.signin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationHeaderTest {

    @Test
    void aBearerHeaderIsAToken() {
        assertThat(TablecloudAuthentication.fromHeader("Bearer tct_abc ", "10.0.0.1"))
                .isEqualTo(new BearerTokenCredential("tct_abc"));
        assertThat(TablecloudAuthentication.fromHeader("bearer tct_abc", "10.0.0.1"))
                .isEqualTo(new BearerTokenCredential("tct_abc"));
        assertThat(TablecloudAuthentication.fromHeader("Bearer  ", "10.0.0.1")).isNull();
    }

    @Test
    void aBasicHeaderIsANameAndPasswordFromThatAddress() {
        String encoded = Base64.getEncoder().encodeToString("alice:pass:word".getBytes(StandardCharsets.UTF_8));

        var credential = (ClientPasswordCredential) TablecloudAuthentication.fromHeader("Basic " + encoded, "10.0.0.1");

        assertThat(credential.getCaller()).isEqualTo("alice");
        assertThat(credential.getPasswordAsString()).isEqualTo("pass:word");
        assertThat(credential.address()).isEqualTo("10.0.0.1");
        assertThat(TablecloudAuthentication.fromHeader("Basic not-base64!", "10.0.0.1")).isNull();
        assertThat(TablecloudAuthentication.fromHeader("Digest x", "10.0.0.1")).isNull();
    }
}
