package dev.tablecloud.security;

/**
 * A role held by a user.
 *
 * @param environment the environment it holds in, or null for every environment
 * @param role        viewer, author, reviewer or admin
 */
public record GrantData(String environment, String role) {
}
