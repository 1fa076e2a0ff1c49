package dev.tablecloud.promotion;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * When a promotion runs by itself: on a Quartz cron expression in a time zone, once at a moment, or
 * never (by hand only).
 */
record PromotionSchedule(String cron, String timeZone, Instant at) {

    static final String UTC = "UTC";
    /** The column's width. */
    static final int LONGEST_CRON = 200;
    /** A moment a little in the past is "now" (clocks and typing); more is a mistake worth saying. */
    static final Duration PAST_TOLERATED = Duration.ofMinutes(1);

    /** The schedule a request asks for, or every field's error at once. */
    static PromotionSchedule of(PromotionRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String cron = blankAsNull(request.cron());
        String zone = blankAsNull(request.timeZone()) == null ? UTC : request.timeZone().strip();
        Instant at = null;
        if (cron != null && blankAsNull(request.at()) != null) {
            errors.add(new FieldError("at", "Give either a cron expression or a moment, not both."));
        }
        if (cron != null && cron.length() > LONGEST_CRON) {
            errors.add(new FieldError("cron", "A cron expression has at most " + LONGEST_CRON + " characters."));
        } else if (cron != null) {
            try {
                CronExpression.validateExpression(cron);
            } catch (ParseException e) {
                errors.add(new FieldError("cron", "\"" + cron + "\" is not a Quartz cron expression: " + e.getMessage()
                        + ". Example: \"0 0 6 ? * MON-FRI\" runs at 06:00 Monday to Friday."));
            }
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "\"" + zone + "\" is not a time zone: give an IANA name such as"
                    + " Europe/Berlin or UTC."));
        }
        if (blankAsNull(request.at()) != null) {
            try {
                at = Instant.parse(request.at().strip());
                if (at.isBefore(now.minus(PAST_TOLERATED))) {
                    errors.add(new FieldError("at", request.at().strip() + " has passed: give a moment to come, or"
                            + " run the promotion now."));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("at", "\"" + request.at().strip() + "\" is not an ISO 8601 instant such as"
                        + " 2026-12-08T06:00:00Z."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PromotionSchedule(cron, zone, at);
    }

    /** When it runs next after {@code now}, having just run or been made; empty if never again. */
    Optional<Instant> nextAfter(Instant now) {
        if (cron != null) {
            return Optional.ofNullable(expression().getNextValidTimeAfter(Date.from(now))).map(Date::toInstant);
        }
        return Optional.ofNullable(at).filter(moment -> !moment.isBefore(now.minus(PAST_TOLERATED)));
    }

    /** "0 0 6 ? * MON-FRI (Europe/Berlin)", "once at 2026-12-08T06:00:00Z", or "by hand only". */
    String describe() {
        return cron != null ? cron + " (" + timeZone + ")" : at != null ? "once at " + at : "by hand only";
    }

    private CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(ZoneId.of(timeZone)));
            return expression;
        } catch (ParseException e) {
            throw new IllegalStateException("A stored cron expression no longer parses: " + cron, e);
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
