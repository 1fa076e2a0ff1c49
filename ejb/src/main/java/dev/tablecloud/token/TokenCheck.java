package dev.tablecloud.token;

/**
 * What sign-in learns from a bearer token: whose it is, or why it opens nothing (in words for the
 * 401 the caller reads).
 */
public sealed interface TokenCheck {

    record Valid(String user) implements TokenCheck {
    }

    record Refused(String reason) implements TokenCheck {
    }
}
