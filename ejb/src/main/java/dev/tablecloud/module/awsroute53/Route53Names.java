package dev.tablecloud.module.awsroute53;

import java.util.Locale;

/**
 * DNS names as Route 53 answers them: absolute, with a trailing dot. The module's DDL keeps rows in
 * that form; these helpers let the adapters accept either spelling from a row.
 */
final class Route53Names {

    private Route53Names() {
    }

    static String absolute(String name) {
        return name == null || name.endsWith(".") ? name : name + ".";
    }

    /** DNS names do not distinguish case. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && absolute(a).toLowerCase(Locale.ROOT).equals(absolute(b).toLowerCase(Locale.ROOT));
    }
}
