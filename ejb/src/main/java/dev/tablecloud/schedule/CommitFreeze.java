package dev.tablecloud.schedule;

import dev.tablecloud.failure.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A time in which nothing commits, with the reason and who set it (null until it is stored). */
public record CommitFreeze(Instant from, Instant to, String reason, String setBy) {

    List<FieldError> errors(String field) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null || to == null) {
            errors.add(new FieldError(field, "A freeze needs \"from\" and \"to\" (ISO 8601 instants such as"
                    + " 2026-12-23T00:00:00Z)."));
        } else if (!to.isAfter(from)) {
            errors.add(new FieldError(field + ".to", "A freeze ends after it starts: " + to + " is not after " + from + "."));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(field + ".reason", "Say why nothing may commit: the reason is shown to whoever is refused."));
        } else if (reason.length() > 1000) {
            errors.add(new FieldError(field + ".reason", "At most 1000 characters."));
        }
        return errors;
    }

    boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
