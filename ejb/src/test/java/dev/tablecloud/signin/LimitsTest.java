package dev.tablecloud.signin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private final Limits limits = Limits.USER;

    private Throttle failTimes(int times, Instant at) {
        Throttle throttle = null;
        for (int i = 0; i < times; i++) {
            throttle = limits.afterFailure(throttle, at);
        }
        return throttle;
    }

    @Test
    void theFirstFailuresAreFreeThenEachOneDoublesTheWait() {
        assertThat(failTimes(3, START).blocksAt(START)).isFalse();

        Throttle fourth = failTimes(4, START);
        assertThat(fourth.blockedUntil()).isEqualTo(START.plusSeconds(1));
        Instant later = START.plusSeconds(2);
        Throttle fifth = limits.afterFailure(fourth, later);
        assertThat(fifth.blockedUntil()).isEqualTo(later.plusSeconds(2));
        Throttle sixth = limits.afterFailure(fifth, later.plusSeconds(3));
        assertThat(sixth.blockedUntil()).isEqualTo(later.plusSeconds(3 + 4));
        assertThat(limits.lockedOut(sixth, later.plusSeconds(3))).isFalse();
    }

    @Test
    void thirtyQuickGuessesLockTheUserOutForAQuarterOfAnHourWithoutPushingTheEnd() {
        Throttle tenth = failTimes(10, START);
        assertThat(tenth.blockedUntil()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(limits.lockedOut(tenth, START)).isTrue();

        Throttle thirtieth = tenth;
        for (int i = 1; i <= 20; i++) {
            thirtieth = limits.afterFailure(thirtieth, START.plusSeconds(i));
        }
        assertThat(thirtieth.failures()).isEqualTo(30);
        assertThat(thirtieth.blockedUntil()).as("tries during the lockout do not extend it")
                .isEqualTo(START.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aTryWhileWaitingCountsButKeepsTheWaitTheCallerWasTold() {
        Throttle fourth = failTimes(4, START);
        Throttle whileWaiting = limits.afterFailure(fourth, START.plusMillis(500));

        assertThat(whileWaiting.failures()).isEqualTo(5);
        assertThat(whileWaiting.blockedUntil()).isEqualTo(fourth.blockedUntil());
    }

    @Test
    void afterTheLockoutEndsTheCountStartsAfresh() {
        Throttle locked = failTimes(10, START);
        Instant after = START.plus(Duration.ofMinutes(15)).plusSeconds(1);

        assertThat(locked.blocksAt(after)).isFalse();
        Throttle next = limits.afterFailure(locked, after);
        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.blocksAt(after)).isFalse();
    }

    @Test
    void failuresAreForgottenAQuarterOfAnHourAfterTheLast() {
        Throttle three = failTimes(3, START);
        Throttle muchLater = limits.afterFailure(three, START.plus(Duration.ofMinutes(16)));

        assertThat(muchLater.failures()).isEqualTo(1);
        assertThat(muchLater.blockedUntil()).isNull();
    }

    @Test
    void anAddressHasMoreFreeFailuresThanAUser() {
        Throttle throttle = null;
        for (int i = 0; i < 20; i++) {
            throttle = Limits.ADDRESS.afterFailure(throttle, START);
        }
        assertThat(throttle.blocksAt(START)).isFalse();
        assertThat(Limits.ADDRESS.afterFailure(throttle, START).blocksAt(START)).isTrue();
    }
}
