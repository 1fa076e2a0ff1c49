package dev.tablecloud.web.ui.admin;

import dev.tablecloud.security.GrantData;

import java.util.Locale;

/** How a role grant reads on the page, and the element ids tests and people's scripts find it by. */
final class RoleLabels {

    /** What the environment choice shows for a role held in every environment. */
    static final String EVERYWHERE = "every environment";

    private RoleLabels() {
    }

    /** "viewer in staging", "admin in every environment". */
    static String text(GrantData grant) {
        return grant.role() + " in " + (grant.environment() == null ? EVERYWHERE : grant.environment());
    }

    /** The environment of a choice: null for {@link #EVERYWHERE}. */
    static String environment(String choice) {
        return choice == null || choice.equals(EVERYWHERE) ? null : choice;
    }

    static String revokeId(String user, GrantData grant) {
        return "revoke-" + idPart(user) + "-" + grant.role() + "-"
                + (grant.environment() == null ? "everywhere" : idPart(grant.environment()));
    }

    static String removeId(String user) {
        return "remove-" + idPart(user);
    }

    /** User and environment names hold letters, digits, '.', '_' and '-'; ids keep them but the dot. */
    private static String idPart(String name) {
        return name.toLowerCase(Locale.ROOT).replace('.', '_');
    }

    /** What each role lets its holder do, for the role choice's helper text. */
    static String meaning(String role) {
        return switch (role == null ? "" : role) {
            case "viewer" -> "Reads tables, transactions, reviews and the audit log.";
            case "author" -> "Also changes rows, begins and commits transactions, installs modules, syncs.";
            case "reviewer" -> "Also approves or rejects reviews (does not change rows).";
            case "admin" -> "Everything, including the AWS connection; in every environment also users and new environments.";
            default -> "";
        };
    }
}
