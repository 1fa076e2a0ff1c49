package dev.tablecloud.signin;

import io.github.resilience4j.core.IntervalFunction;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed sign-ins are answered, for one kind of key (a user, a client address): the first
 * {@code freeFailures} failures are free; each failure after them makes the next attempt wait, twice as long each time (1 s, 2 s,
 * 4 s … by resilience4j's exponential backoff); at {@code lockoutAfter} failures the key is locked
 * out for {@code lockout}. Failures are forgotten {@code forgetAfter} the last one, and a lockout
 * that has ended starts the count afresh.
 */
record Limits(int freeFailures, int lockoutAfter, Duration firstWait, Duration lockout, Duration forgetAfter) {

    /**
     * Per user: every refused attempt counts, also one made while waiting, so 10 quick guesses
     * lock the user out for 15 minutes.
     */
    static final Limits USER = new Limits(3, 10, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));

    /**
     * Per client address: only wrong passwords count, and more are free, since many people may sign
     * in from behind one address; it stops one address trying many users.
     */
    static final Limits ADDRESS = new Limits(20, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));

    Limits {
        if (freeFailures < 0 || lockoutAfter <= freeFailures) {
            throw new IllegalArgumentException("lockoutAfter must exceed freeFailures");
        }
    }

    /** The state after one more failure at {@code now}; {@code before} is null when none was counted. */
    Throttle afterFailure(Throttle before, Instant now) {
        boolean fresh = before == null
                || before.lastFailureAt().plus(forgetAfter).isBefore(now)
                || before.failures() >= lockoutAfter && !before.blocksAt(now);
        int failures = fresh ? 1 : before.failures() + 1;
        Instant blockedUntil;
        if (!fresh && before.blocksAt(now) && failures != lockoutAfter) {
            // A try while waiting counts, but does not push the end of the wait the caller was told.
            blockedUntil = before.blockedUntil();
        } else if (failures >= lockoutAfter) {
            blockedUntil = now.plus(lockout);
        } else if (failures > freeFailures) {
            blockedUntil = now.plus(waitAfter(failures));
        } else {
            blockedUntil = null;
        }
        return new Throttle(failures, now, blockedUntil);
    }

    /** Whether this state is locked out (rather than waiting between attempts). */
    boolean lockedOut(Throttle throttle, Instant now) {
        return throttle.blocksAt(now) && throttle.failures() >= lockoutAfter;
    }

    private Duration waitAfter(int failures) {
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(firstWait, 2.0, lockout);
        return Duration.ofMillis(backoff.apply(failures - freeFailures));
    }
}
