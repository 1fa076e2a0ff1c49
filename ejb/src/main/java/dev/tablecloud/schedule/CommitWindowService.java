package dev.tablecloud.schedule;

import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Use cases on an environment's commit windows and freezes: its viewers read them, its admins change them. */
@Stateless
public class CommitWindowService {

    static final int MOST_WINDOWS = 20;

    @Inject
    ScheduleStore store;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    public CommitWindowsData get(String environment) {
        access.require(environment, Role.VIEWER, "see the commit windows");
        environments.get(environment);
        return standing(environment, Instant.now());
    }

    /** Replaces the windows and the freezes not yet over (ended freezes stay in the record). */
    public CommitWindowsData replace(String environment, List<CommitWindow> windows, List<CommitFreeze> freezes) {
        String actor = access.require(environment, Role.ADMIN, "change the commit windows and freezes");
        environments.get(environment);
        List<CommitWindow> givenWindows = windows == null ? List.of() : windows;
        List<CommitFreeze> givenFreezes = freezes == null ? List.of() : freezes;
        List<FieldError> errors = new ArrayList<>();
        if (givenWindows.size() > MOST_WINDOWS) {
            errors.add(new FieldError("windows", "At most " + MOST_WINDOWS + " windows; cron expressions can say"
                    + " several days or hours in one."));
        }
        for (int i = 0; i < givenWindows.size(); i++) {
            errors.addAll(givenWindows.get(i).errors("windows[" + i + "]"));
        }
        Instant now = Instant.now();
        for (int i = 0; i < givenFreezes.size(); i++) {
            CommitFreeze freeze = givenFreezes.get(i);
            List<FieldError> wrong = freeze.errors("freezes[" + i + "]");
            errors.addAll(wrong);
            if (wrong.isEmpty() && !freeze.to().isAfter(now)) {
                errors.add(new FieldError("freezes[" + i + "].to", "This freeze would be over already ("
                        + CommitCalendar.shown(freeze.to()) + "): give an end to come."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.replace(environment, givenWindows, givenFreezes, actor, now);
        return standing(environment, now);
    }

    private CommitWindowsData standing(String environment, Instant now) {
        CommitCalendar calendar = store.calendar(environment, now);
        List<CommitFreeze> freezes = store.freezes(environment, now);
        return new CommitWindowsData(store.windows(environment), freezes, calendar.allows(now),
                calendar.whyNot(now, true).orElse(null), calendar.nextAllowed(now).orElse(null));
    }
}
