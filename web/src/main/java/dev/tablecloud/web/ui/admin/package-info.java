/**
 * The users and roles page at {@code /users}, for admins of every environment: the users with their
 * roles, creating one (with a password typed, or made up by the server and shown once), granting a
 * role in one environment or in all of them, revoking it, removing a user. The engine's
 * {@link dev.tablecloud.security.UserService} decides and words every refusal.
 */
package dev.tablecloud.web.ui.admin;
