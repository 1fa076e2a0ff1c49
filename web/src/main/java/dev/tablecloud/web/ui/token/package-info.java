/**
 * The API tokens page at {@code /tokens}, for every signed-in user: making a token for a script
 * (named, optionally expiring; its secret shown once with a hint to copy it), the user's tokens with
 * their last use, and revoking one. The engine's {@link dev.tablecloud.token.TokenService} decides
 * and words every refusal.
 */
package dev.tablecloud.web.ui.token;
