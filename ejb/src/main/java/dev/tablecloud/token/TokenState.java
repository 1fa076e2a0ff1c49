package dev.tablecloud.token;

import java.time.Instant;

/** Whether a token still opens the door, and in the words its owner reads in the list. */
public enum TokenState {
    ACTIVE("active"),
    EXPIRED("expired"),
    REVOKED("revoked");

    private final String label;

    TokenState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static TokenState of(Instant expiresAt, Instant revokedAt, Instant now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        return ACTIVE;
    }
}
