package dev.tablecloud.promotion;

import dev.tablecloud.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromotionScheduleTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-12-07T12:00:00Z");

    private static PromotionRequest request(String cron, String timeZone, String at) {
        return new PromotionRequest("staging", "prod", cron, timeZone, at, null);
    }

    @Test
    void aCronRunsNextInItsOwnTimeZone() {
        PromotionSchedule weekdaysAtSix = PromotionSchedule.of(request("0 0 6 ? * MON-FRI", "Europe/Berlin", null),
                MONDAY_NOON);

        assertThat(weekdaysAtSix.nextAfter(MONDAY_NOON)).hasValue(Instant.parse("2026-12-08T05:00:00Z"));
        assertThat(weekdaysAtSix.describe()).isEqualTo("0 0 6 ? * MON-FRI (Europe/Berlin)");
    }

    @Test
    void aMomentRunsOnceAndNeitherMeansByHandOnly() {
        PromotionSchedule once = PromotionSchedule.of(request(null, null, "2026-12-07T18:00:00Z"), MONDAY_NOON);

        assertThat(once.nextAfter(MONDAY_NOON)).hasValue(Instant.parse("2026-12-07T18:00:00Z"));
        assertThat(once.nextAfter(Instant.parse("2026-12-07T18:05:00Z"))).as("after it ran").isEmpty();
        assertThat(PromotionSchedule.of(request(" ", null, null), MONDAY_NOON).nextAfter(MONDAY_NOON)).isEmpty();
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> PromotionSchedule.of(request("every day", "Mars/Olympus", "yesterday"), MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Give either a cron expression or a moment, not both.")
                .hasMessageContaining("\"every day\" is not a Quartz cron expression")
                .hasMessageContaining("\"Mars/Olympus\" is not a time zone")
                .hasMessageContaining("\"yesterday\" is not an ISO 8601 instant");
        assertThatThrownBy(() -> PromotionSchedule.of(request(null, null, "2026-12-01T00:00:00Z"), MONDAY_NOON))
                .hasMessageContaining("has passed");
    }
}
