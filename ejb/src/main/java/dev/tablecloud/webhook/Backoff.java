package dev.tablecloud.webhook;

import java.time.Duration;

/**
 * How often and how patiently a delivery is tried: {@code attempts} in all, waiting
 * {@code firstWait} before the second and {@code multiplier} times longer before each next one.
 */
record Backoff(int attempts, Duration firstWait, double multiplier) {

    static final String FIRST_WAIT_PROPERTY = "tablecloud.webhook.backoff.millis";
    static final int ATTEMPTS = 4;
    static final long DEFAULT_FIRST_WAIT_MILLIS = 1000;
    static final double MULTIPLIER = 2;

    /** 4 attempts, 1 s, 2 s and 4 s apart, unless the server's system property shortens the waits (tests). */
    static Backoff ofServer() {
        long firstWait = DEFAULT_FIRST_WAIT_MILLIS;
        String configured = System.getProperty(FIRST_WAIT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                firstWait = Math.max(1, Long.parseLong(configured.trim()));
            } catch (NumberFormatException e) {
                firstWait = DEFAULT_FIRST_WAIT_MILLIS;
            }
        }
        return new Backoff(ATTEMPTS, Duration.ofMillis(firstWait), MULTIPLIER);
    }
}
