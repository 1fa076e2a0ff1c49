package dev.tablecloud.security;

/**
 * A user just created with a password the server made up: the only time that password is shown.
 *
 * @param password the generated password, in clear; stored only as its hash
 */
public record CreatedUser(UserData user, String password) {
}
