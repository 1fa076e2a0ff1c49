package dev.tablecloud.web.ui.token;

import java.time.Duration;
import java.time.Instant;

/** The expiries a person picks from: a script's token should not live longer than it needs to. */
enum Expiry {
    DAYS_7("In 7 days", Duration.ofDays(7)),
    DAYS_30("In 30 days", Duration.ofDays(30)),
    DAYS_90("In 90 days", Duration.ofDays(90)),
    YEAR("In a year", Duration.ofDays(365)),
    NEVER("Never (until revoked)", null);

    private final String label;
    private final Duration lifetime;

    Expiry(String label, Duration lifetime) {
        this.label = label;
        this.lifetime = lifetime;
    }

    String label() {
        return label;
    }

    /** When a token made now stops working; null for never. */
    Instant from(Instant now) {
        return lifetime == null ? null : now.plus(lifetime);
    }
}
