package dev.tablecloud.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do in an environment. Author and reviewer each include viewer; admin includes
 * everything. Reviewer does not include author: approving and changing are different hats.
 */
public enum Role {
    VIEWER, AUTHOR, REVIEWER, ADMIN;

    public boolean includes(Role needed) {
        return this == needed || this == ADMIN || needed == VIEWER;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a label, or null if there is none. */
    public static Role ofLabel(String label) {
        return Arrays.stream(values()).filter(role -> role.label().equals(label)).findFirst().orElse(null);
    }

    public static String labels() {
        return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
    }
}
