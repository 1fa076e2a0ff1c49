package dev.tablecloud.web.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Moments as every page shows them: in UTC, to the second, as the engine's messages do. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String of(Instant at) {
        return at == null ? "—" : FORMAT.format(at);
    }
}
