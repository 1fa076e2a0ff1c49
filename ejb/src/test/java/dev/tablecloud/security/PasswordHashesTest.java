package dev.tablecloud.security;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashesTest {

    private final PasswordHashes hashes = new PasswordHashes(new Pbkdf2PasswordHashImpl());

    /** A hash as Tablecloud stored them before Pbkdf2PasswordHash: pbkdf2-sha256$iterations$salt$hash. */
    private static String storedBefore(String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    @Test
    void newHashesAreJakartasFormAtTheFullCost() {
        String stored = hashes.of("correct horse battery");

        assertThat(stored).startsWith("PBKDF2WithHmacSHA256:210000:").doesNotContain("correct horse");
        assertThat(PasswordHashes.isCurrent(stored)).isTrue();
        assertThat(hashes.matches("correct horse battery", stored)).isTrue();
        assertThat(hashes.matches("correct horse battery!", stored)).isFalse();
        assertThat(hashes.of("correct horse battery")).as("salted").isNotEqualTo(stored);
    }

    @Test
    void everyHashStoredBeforeStillVerifiesAndAsksToBeStoredAnew() throws Exception {
        String old = storedBefore("an old password", 210_000);
        String cheaper = storedBefore("an old password", 1_000);

        assertThat(hashes.matches("an old password", old)).isTrue();
        assertThat(hashes.matches("not it", old)).isFalse();
        assertThat(PasswordHashes.isCurrent(old)).isFalse();
        assertThat(hashes.matches("an old password", cheaper)).isTrue();
        assertThat(PasswordHashes.isCurrent(cheaper)).isFalse();
    }

    @Test
    void anUnreadableStoredHashMatchesNothing() {
        assertThat(hashes.matches("anything", "garbage")).isFalse();
        assertThat(hashes.matches("anything", "PBKDF2WithHmacSHA256:x:y:z")).isFalse();
    }
}
