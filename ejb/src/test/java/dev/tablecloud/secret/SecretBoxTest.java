package dev.tablecloud.secret;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void roundTripsASecretWithoutStoringItInClear() {
        SecretBox box = SecretBox.withKey(newKey());

        String stored = box.encrypt("wJalrXUtnFEMI/K7MDENG");

        assertThat(stored).doesNotContain("wJalrXUtnFEMI");
        assertThat(box.decrypt(stored)).isEqualTo("wJalrXUtnFEMI/K7MDENG");
        assertThat(box.encrypt("wJalrXUtnFEMI/K7MDENG")).as("fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void refusesToDecryptWithAnotherKey() {
        String stored = SecretBox.withKey(newKey()).encrypt("secret");

        assertThatThrownBy(() -> SecretBox.withKey(newKey()).decrypt(stored))
                .hasMessageContaining("TABLECLOUD_SECRET_KEY changed");
    }

    @Test
    void explainsAMissingOrMalformedKey() {
        assertThatThrownBy(() -> SecretBox.withKey(null)).hasMessageContaining("set TABLECLOUD_SECRET_KEY");
        assertThatThrownBy(() -> SecretBox.withKey("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }

    @Test
    void generatesPasswordsThatNeedNoQuoting() {
        assertThat(SecretBox.randomPassword()).hasSize(32).matches("[A-Za-z0-9]+")
                .isNotEqualTo(SecretBox.randomPassword());
    }
}
