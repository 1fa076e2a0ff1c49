package dev.tablecloud.web.ui.shell;

import dev.tablecloud.security.GrantData;
import dev.tablecloud.security.Role;
import dev.tablecloud.security.UserData;

/** What the side navigation offers a user: Users only to admins of every environment. */
final class NavigationItems {

    private NavigationItems() {
    }

    static boolean isAdminEverywhere(UserData user) {
        return user.roles().stream().anyMatch(NavigationItems::isEverywhereAdmin);
    }

    private static boolean isEverywhereAdmin(GrantData grant) {
        return grant.environment() == null && Role.ADMIN.label().equals(grant.role());
    }

    /** "3" for the badge, or null for none. */
    static String badge(int waiting) {
        return waiting <= 0 ? null : waiting > 99 ? "99+" : String.valueOf(waiting);
    }
}
