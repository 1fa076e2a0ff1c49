/**
 * Sign-in with a password, limited: failed attempts are counted per user and per client address in
 * the control database (so every node of an installation agrees and spreading attempts over nodes
 * gains nothing), answered with a growing wait and then a temporary lockout, and each refusal is
 * recorded for admins, who can unlock a user. The password check itself is
 * {@link dev.tablecloud.security.UserService#verify}; the web module's authentication asks here.
 */
package dev.tablecloud.signin;
