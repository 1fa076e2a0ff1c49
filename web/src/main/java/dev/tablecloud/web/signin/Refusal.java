package dev.tablecloud.web.signin;

import java.time.Instant;

/**
 * Why credentials opened nothing, for the API's 401 or 429 (and the sign-in form): the HTTP status,
 * the words for the caller, and when to try again (null: no need to wait).
 */
public record Refusal(int status, String detail, Instant retryAfter) {

    /** The request attribute under which the authentication leaves a refusal for the API's answer. */
    public static final String ATTRIBUTE = "dev.tablecloud.signin.refusal";

    static final String WRONG_PASSWORD = "The user name or password is wrong.";

    static Refusal unauthorized(String detail) {
        return new Refusal(401, detail, null);
    }

    static Refusal tooManyAttempts(String detail, Instant retryAfter) {
        return new Refusal(429, detail, retryAfter);
    }
}
