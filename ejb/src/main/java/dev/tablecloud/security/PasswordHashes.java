package dev.tablecloud.security;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/**
 * Passwords hashed by Jakarta Security's {@link Pbkdf2PasswordHash} (PBKDF2-HMAC-SHA256, 210,000
 * iterations, 16-byte salt, stored as {@code PBKDF2WithHmacSHA256:iterations:salt:hash}). Hashes
 * stored before it, as {@code pbkdf2-sha256$iterations$salt$hash}, are the same computation in
 * another notation: they are read in Jakarta's and still verify; {@link #isCurrent} tells sign-in
 * to store the password anew in the current form.
 */
final class PasswordHashes {

    static final int ITERATIONS = 210_000;
    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");
    private static final String CURRENT_PREFIX = "PBKDF2WithHmacSHA256:" + ITERATIONS + ":";
    private static final String LEGACY_SCHEME = "pbkdf2-sha256";

    private final Pbkdf2PasswordHash hash;

    PasswordHashes(Pbkdf2PasswordHash hash) {
        this.hash = hash;
        hash.initialize(PARAMETERS);
    }

    String of(String password) {
        return hash.generate(password.toCharArray());
    }

    boolean matches(String password, String stored) {
        String readable = inJakartaForm(stored);
        if (readable == null) {
            return false;
        }
        try {
            return hash.verify(password.toCharArray(), readable);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Whether the stored hash has the current form and cost; if not, the next sign-in stores it anew. */
    static boolean isCurrent(String stored) {
        return stored.startsWith(CURRENT_PREFIX);
    }

    /** The stored hash as Pbkdf2PasswordHash reads it; null for a form neither knows. */
    static String inJakartaForm(String stored) {
        String[] legacy = stored.split("\\$");
        if (legacy.length == 4 && legacy[0].equals(LEGACY_SCHEME)) {
            return "PBKDF2WithHmacSHA256:" + legacy[1] + ":" + legacy[2] + ":" + legacy[3];
        }
        return stored.split(":").length == 4 ? stored : null;
    }
}
