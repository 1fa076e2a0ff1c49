package dev.tablecloud.schedule;

import dev.tablecloud.failure.FieldError;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * A recurring time in which commits may run: it opens whenever {@code cron} fires in {@code timeZone}
 * and stays open for {@code durationMinutes}, e.g. "0 0 22 ? * TUE-THU", 180, Europe/Berlin.
 */
public record CommitWindow(String cron, int durationMinutes, String timeZone) {

    /** A week: a window longer than the gap between its openings would be always open anyway. */
    static final int LONGEST_MINUTES = 7 * 24 * 60;

    /** What is wrong with it, by field, in words; none when it is valid. */
    List<FieldError> errors(String field) {
        List<FieldError> errors = new ArrayList<>();
        if (cron == null || cron.isBlank()) {
            errors.add(new FieldError(field + ".cron", "Give a Quartz cron expression for when the window opens,"
                    + " e.g. \"0 0 22 ? * TUE-THU\" (seconds, minutes, hours, day of month, month, day of week)."));
        } else {
            try {
                CronExpression.validateExpression(cron);
            } catch (ParseException e) {
                errors.add(new FieldError(field + ".cron", "\"" + cron + "\" is not a Quartz cron expression: "
                        + e.getMessage() + ". Example: \"0 0 22 ? * TUE-THU\" opens at 22:00 Tuesday to Thursday."));
            }
        }
        if (durationMinutes < 1 || durationMinutes > LONGEST_MINUTES) {
            errors.add(new FieldError(field + ".durationMinutes", "A window lasts 1 to " + LONGEST_MINUTES
                    + " minutes (a week), not " + durationMinutes + "."));
        }
        if (zone().isEmpty()) {
            errors.add(new FieldError(field + ".timeZone", "\"" + timeZone + "\" is not a time zone: give an IANA"
                    + " name such as Europe/Berlin or UTC."));
        }
        return errors;
    }

    Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    /** When this window next opens strictly after {@code after}, or empty if never again. */
    Optional<Instant> nextOpeningAfter(Instant after) {
        Date next = expression().getNextValidTimeAfter(Date.from(after));
        return Optional.ofNullable(next).map(Date::toInstant);
    }

    /**
     * The opening of the window that {@code at} lies in, if any: the first opening after
     * {@code at - duration} is at or before {@code at} exactly when {@code at} is inside it.
     */
    Optional<Instant> openingContaining(Instant at) {
        return nextOpeningAfter(at.minus(duration()).minusMillis(1))
                .filter(opening -> !opening.isAfter(at) && at.isBefore(opening.plus(duration())));
    }

    /** In words, for refusals and pages: "0 0 22 ? * TUE-THU for 3 h (Europe/Berlin)". */
    String describe() {
        int hours = durationMinutes / 60;
        int minutes = durationMinutes % 60;
        String length = hours == 0 ? minutes + " min" : minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
        return "\"" + cron + "\" for " + length + " (" + timeZone + ")";
    }

    private CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone().orElseThrow()));
            return expression;
        } catch (ParseException e) {
            throw new IllegalStateException("Commit window \"" + cron + "\" was stored unchecked", e);
        }
    }

    private Optional<ZoneId> zone() {
        try {
            return timeZone == null || timeZone.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
