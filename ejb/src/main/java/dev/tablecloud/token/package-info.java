/**
 * Personal API tokens: a user makes one for a script (shown once, optionally expiring), lists and
 * revokes their own; admins of every environment list and revoke anyone's. A token stands for its
 * owner: the engine reads the owner's roles on every call, so a token never holds more than its
 * owner does now, and a removed owner's tokens go with them. Only a SHA-256 of each token is
 * stored. The web module's sign-in asks {@link dev.tablecloud.token.TokenService#authenticate}.
 */
package dev.tablecloud.token;
