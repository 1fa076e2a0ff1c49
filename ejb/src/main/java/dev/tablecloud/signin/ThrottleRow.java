package dev.tablecloud.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The failures counted for one key ({@code user:alice}, {@code address:203.0.113.7}). Only this package touches it. */
@Entity
@Table(name = "sign_in_throttle")
class ThrottleRow {

    @Id
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected ThrottleRow() {
    }

    String key() {
        return key;
    }

    Throttle toThrottle() {
        return new Throttle(failures, lastFailureAt, blockedUntil);
    }

    void set(Throttle throttle) {
        failures = throttle.failures();
        lastFailureAt = throttle.lastFailureAt();
        blockedUntil = throttle.blockedUntil();
    }
}
