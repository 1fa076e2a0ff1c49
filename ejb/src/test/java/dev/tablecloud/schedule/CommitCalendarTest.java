package dev.tablecloud.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommitCalendarTest {

    /** Tuesday to Thursday, 22:00 to 01:00 in Berlin: 21:00–24:00 UTC in winter. */
    private static final CommitWindow TUESDAY_TO_THURSDAY = new CommitWindow("0 0 22 ? * TUE-THU", 180, "Europe/Berlin");

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void withoutWindowsOrFreezesACommitMayRunAtAnyTime() {
        CommitCalendar calendar = new CommitCalendar("prod", List.of(), List.of());
        assertThat(calendar.allows(at("2026-12-06T03:00:00Z"))).isTrue();
        assertThat(calendar.whyNot(at("2026-12-06T03:00:00Z"), true)).isEmpty();
    }

    @Test
    void aWindowIsOpenFromItsCronTimeInItsZoneForItsDuration() {
        CommitCalendar calendar = new CommitCalendar("prod", List.of(TUESDAY_TO_THURSDAY), List.of());
        // 2026-12-01 is a Tuesday; Berlin is UTC+1 in December.
        assertThat(calendar.inWindow(at("2026-12-01T20:59:59Z"))).isFalse();
        assertThat(calendar.inWindow(at("2026-12-01T21:00:00Z"))).isTrue();
        assertThat(calendar.inWindow(at("2026-12-01T23:59:59Z"))).as("past midnight in Berlin, still the window").isTrue();
        assertThat(calendar.inWindow(at("2026-12-02T00:00:00Z"))).isFalse();
        assertThat(calendar.inWindow(at("2026-12-04T21:30:00Z"))).as("a Friday").isFalse();
    }

    @Test
    void outsideTheWindowsAScheduledCommitIsToldWhenTheNextOpens() {
        CommitCalendar calendar = new CommitCalendar("prod", List.of(TUESDAY_TO_THURSDAY), List.of());
        Instant friday = at("2026-12-04T10:00:00Z");
        assertThat(calendar.nextAllowed(friday)).contains(at("2026-12-08T21:00:00Z"));
        assertThat(calendar.whyNot(friday, true)).hasValueSatisfying(why -> assertThat(why)
                .contains("outside its commit windows", "\"0 0 22 ? * TUE-THU\" for 3 h (Europe/Berlin)",
                        "The next commit window opens at 2026-12-08 21:00 UTC."));
        assertThat(calendar.whyNot(friday, false)).as("windows bind scheduled commits, not a person's").isEmpty();
    }

    @Test
    void aFreezeStopsEveryCommitAndPushesTheNextWindowPastItsEnd() {
        CommitFreeze christmas = new CommitFreeze(at("2026-12-08T00:00:00Z"), at("2026-12-10T22:00:00Z"),
                "Christmas sale", "alice");
        CommitCalendar calendar = new CommitCalendar("prod", List.of(TUESDAY_TO_THURSDAY), List.of(christmas));
        assertThat(calendar.nextAllowed(at("2026-12-04T10:00:00Z")))
                .as("Tuesday and Wednesday frozen; Thursday's window is open when the freeze ends at 22:00 UTC")
                .contains(at("2026-12-10T22:00:00Z"));
        assertThat(calendar.whyNot(at("2026-12-09T12:00:00Z"), false)).hasValueSatisfying(why -> assertThat(why)
                .contains("frozen until 2026-12-10 22:00 UTC (Christmas sale, set by alice)",
                        "unless an admin overrides with a reason", "opens at 2026-12-10 22:00 UTC"));
    }

    @Test
    void aWindowThatNeverOpensAgainSaysSo() {
        CommitCalendar calendar = new CommitCalendar("prod", List.of(new CommitWindow("0 0 12 1 1 ? 2020", 60, "UTC")),
                List.of());
        assertThat(calendar.nextAllowed(at("2026-12-04T10:00:00Z"))).isEmpty();
        assertThat(calendar.whyNot(at("2026-12-04T10:00:00Z"), true))
                .hasValueSatisfying(why -> assertThat(why).contains("No commit window opens again"));
    }

    @Test
    void badWindowsAreRefusedFieldByFieldInWords() {
        assertThat(new CommitWindow("every tuesday", 0, "Mars/Olympus").errors("windows[0]"))
                .extracting(error -> error.field() + ": " + error.message())
                .anySatisfy(error -> assertThat(error).startsWith("windows[0].cron: \"every tuesday\" is not a Quartz cron"))
                .anySatisfy(error -> assertThat(error).startsWith("windows[0].durationMinutes: A window lasts 1 to 10080"))
                .anySatisfy(error -> assertThat(error).startsWith("windows[0].timeZone: \"Mars/Olympus\" is not a time zone"));
        assertThat(TUESDAY_TO_THURSDAY.errors("windows[0]")).isEmpty();
    }
}
