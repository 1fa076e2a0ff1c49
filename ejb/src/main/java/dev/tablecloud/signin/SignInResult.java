package dev.tablecloud.signin;

import java.time.Instant;

/** The answer to a password sign-in. */
public sealed interface SignInResult {

    /** The password is the user's; {@code stamp} is what a session remembers to notice a password change. */
    record Accepted(String user, String stamp) implements SignInResult {
    }

    /** Wrong name or password: nothing says which, so names cannot be probed. */
    record WrongCredentials() implements SignInResult {
    }

    /**
     * Too many failures: nothing is checked until {@code retryAfter}, not even the right password.
     * {@code detail} says so in words for the caller.
     */
    record Waiting(Instant retryAfter, String detail) implements SignInResult {
    }
}
