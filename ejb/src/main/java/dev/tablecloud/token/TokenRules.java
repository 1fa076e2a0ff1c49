package dev.tablecloud.token;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a new token must be: named, and if it expires, in the future and within two years. */
final class TokenRules {

    static final int MAX_NAME_LENGTH = 100;
    static final Duration LONGEST_EXPIRY = Duration.ofDays(2 * 366);

    private TokenRules() {
    }

    static void check(NewToken token, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String name = token == null ? null : token.name();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "A token needs a name saying what it is for, e.g. \"deploy script\"."));
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "A token's name has at most " + MAX_NAME_LENGTH + " characters."));
        }
        Instant expiresAt = token == null ? null : token.expiresAt();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "The expiry " + expiresAt + " has passed: give a time in the future,"
                    + " or none for a token that works until revoked."));
        } else if (expiresAt != null && expiresAt.isAfter(now.plus(LONGEST_EXPIRY))) {
            errors.add(new FieldError("expiresAt", "A token expires within two years at most; leave the expiry out"
                    + " for one that works until revoked."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
