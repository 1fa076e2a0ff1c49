package dev.tablecloud.signin;

import java.time.Instant;

/** The failures counted for one user or one address: how many, the last one, and until when it waits. */
record Throttle(int failures, Instant lastFailureAt, Instant blockedUntil) {

    boolean blocksAt(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now);
    }
}
