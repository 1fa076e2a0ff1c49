package dev.tablecloud.security;

import dev.tablecloud.failure.ConflictException;

import java.util.Collection;

/**
 * An installation keeps at least one admin of every environment: only such an admin creates
 * environments and manages users, so without one nobody could ever grant a role again.
 */
final class AdminsLeft {

    private AdminsLeft() {
    }

    /**
     * @param everywhereAdmins the users who hold admin in every environment now
     * @param losing           the user about to lose that role (removed, or the grant revoked)
     * @param action           what would do it, for the message ("remove user 'bob'")
     */
    static void require(Collection<String> everywhereAdmins, String losing, String action) {
        if (everywhereAdmins.contains(losing) && everywhereAdmins.stream().allMatch(losing::equals)) {
            throw new ConflictException("Cannot " + action + ": " + losing + " is the last admin of every environment,"
                    + " and without one nobody could manage users or create environments. Grant admin in every"
                    + " environment to another user first.");
        }
    }
}
