package dev.tablecloud.token;

import dev.tablecloud.secret.Digests;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token itself: {@code tct_} and 43 characters of base64url, 256 random bits, so that guessing
 * one is hopeless and a fast hash is enough to store it (no salt or slow hash needed, unlike a
 * password a person chose). The prefix makes a leaked token easy to recognise in logs and scanners.
 */
final class TokenSecret {

    static final String PREFIX = "tct_";
    /** How many characters of a token its list shows, prefix included. */
    static final int SHOWN = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored and looked up: never the token. */
    static String hash(String token) {
        return Digests.sha256Hex(token);
    }

    static String shown(String token) {
        return token.substring(0, Math.min(SHOWN, token.length()));
    }
}
