package dev.tablecloud.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When an environment may commit: inside one of its windows (any time when it has none) and in no
 * freeze. Plain arithmetic over the windows' cron expressions, so it is tested without a server.
 */
public final class CommitCalendar {

    /** Enough to step over any real sequence of freezes and gaps; beyond it the calendar says "never". */
    private static final int MOST_STEPS = 1000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String environment;
    private final List<CommitWindow> windows;
    private final List<CommitFreeze> freezes;

    public CommitCalendar(String environment, List<CommitWindow> windows, List<CommitFreeze> freezes) {
        this.environment = environment;
        this.windows = List.copyOf(windows);
        this.freezes = List.copyOf(freezes);
    }

    public Optional<CommitFreeze> freezeAt(Instant at) {
        return freezes.stream().filter(freeze -> freeze.covers(at)).max(Comparator.comparing(CommitFreeze::to));
    }

    /** Whether {@code at} lies in a window; always, for an environment without windows. */
    public boolean inWindow(Instant at) {
        return windows.isEmpty() || windows.stream().anyMatch(window -> window.openingContaining(at).isPresent());
    }

    public boolean allows(Instant at) {
        return inWindow(at) && freezeAt(at).isEmpty();
    }

    /** The first moment from {@code from} on at which a commit may run, or empty if never. */
    public Optional<Instant> nextAllowed(Instant from) {
        Instant at = from;
        for (int step = 0; step < MOST_STEPS; step++) {
            Optional<CommitFreeze> freeze = freezeAt(at);
            if (freeze.isPresent()) {
                at = freeze.get().to();
                continue;
            }
            if (inWindow(at)) {
                return Optional.of(at);
            }
            Instant probe = at;
            Optional<Instant> opening = windows.stream().map(window -> window.nextOpeningAfter(probe))
                    .flatMap(Optional::stream).min(Comparator.naturalOrder());
            if (opening.isEmpty()) {
                return Optional.empty();
            }
            at = opening.get();
        }
        return Optional.empty();
    }

    /** Why no commit may run at {@code at} in words, with when one next may; empty when one may. */
    public Optional<String> whyNot(Instant at, boolean scheduled) {
        Optional<CommitFreeze> freeze = freezeAt(at);
        if (freeze.isPresent()) {
            CommitFreeze frozen = freeze.get();
            return Optional.of("Environment '" + environment + "' is frozen until " + shown(frozen.to()) + " ("
                    + frozen.reason() + (frozen.setBy() == null ? "" : ", set by " + frozen.setBy()) + "): nothing"
                    + " commits, unless an admin overrides with a reason. " + next(at));
        }
        if (scheduled && !inWindow(at)) {
            return Optional.of("Environment '" + environment + "' is outside its commit windows ("
                    + String.join("; ", windows.stream().map(CommitWindow::describe).toList()) + "). " + next(at));
        }
        return Optional.empty();
    }

    private String next(Instant at) {
        return nextAllowed(at).map(next -> "The next commit window opens at " + shown(next) + ".")
                .orElse("No commit window opens again: change the windows or the freezes.");
    }

    /** A moment as the messages of commits and promotions show it: "2026-12-08 21:00 UTC". */
    public static String shown(Instant at) {
        return SHOWN.format(at);
    }
}
