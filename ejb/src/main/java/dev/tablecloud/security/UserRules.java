package dev.tablecloud.security;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a user name, a password and a role grant must look like. */
public final class UserRules {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,62}");

    private UserRules() {
    }

    public static void check(NewUser user) {
        List<FieldError> errors = new ArrayList<>();
        if (user.name() == null || !NAME.matcher(user.name()).matches()) {
            errors.add(new FieldError("name", "A user name is 1 to 63 characters: lowercase letters, digits, '.', '_'"
                    + " or '-', starting with a letter."));
        }
        passwordErrors(user.password()).forEach(errors::add);
        if (user.roles() != null) {
            user.roles().forEach(grant -> grantErrors(grant).forEach(errors::add));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static void checkPassword(String password) {
        List<FieldError> errors = passwordErrors(password);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static void checkGrant(GrantData grant) {
        List<FieldError> errors = grantErrors(grant);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static List<FieldError> passwordErrors(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return List.of(new FieldError("password", "A password has at least " + MIN_PASSWORD_LENGTH + " characters."));
        }
        return List.of();
    }

    private static List<FieldError> grantErrors(GrantData grant) {
        if (grant == null || Role.ofLabel(grant.role()) == null) {
            return List.of(new FieldError("role", "A role is one of: " + Role.labels() + "."));
        }
        return List.of();
    }
}
