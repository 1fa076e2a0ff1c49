package dev.tablecloud.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tablecloud.secret.Digests;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Passwords this node verified lately. A PBKDF2 check costs a tenth of a second by design and API
 * clients send Basic credentials with every call, so a success is remembered, keyed by an HMAC
 * (with a key this node makes up at start, never stored) of the name, the password and the hash
 * stored for the user now. The stored hash is read on every call, so a changed password, or a
 * removed user, misses at once on every node: nothing remembered outlives the row it was checked
 * against.
 */
final class VerifiedPasswords {

    static final int REMEMBERED_AT_MOST = 10_000;
    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(10);

    private final String key;
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_AT_MOST)
            .expireAfterAccess(FORGOTTEN_AFTER)
            .build();

    VerifiedPasswords() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        key = Base64.getEncoder().encodeToString(random);
    }

    boolean remembers(String user, String password, String storedHash) {
        return verified.getIfPresent(keyOf(user, password, storedHash)) != null;
    }

    void remember(String user, String password, String storedHash) {
        verified.put(keyOf(user, password, storedHash), Boolean.TRUE);
    }

    private String keyOf(String user, String password, String storedHash) {
        return Digests.hmacSha256Hex(key, (user + "\0" + password + "\0" + storedHash).getBytes(StandardCharsets.UTF_8));
    }
}
