package dev.tablecloud.web.ui.token;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Moments as the tokens page shows them: in UTC, to the minute, as the engine's messages do. */
final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String of(Instant at, String none) {
        return at == null ? none : FORMAT.format(at);
    }
}
