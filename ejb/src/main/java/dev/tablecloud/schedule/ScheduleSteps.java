package dev.tablecloud.schedule;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled-commit runner's steps on the control database, each committed on its own: the
 * claim must be visible to other nodes before the commit starts, and the outcome must be kept
 * whatever the commit did.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduleSteps {

    @Inject
    ScheduleStore store;

    /** What became of a due schedule when the runner looked at it. */
    public sealed interface Taken {
        /** Claimed by this node: commit it now. */
        record Run(ScheduledCommitData schedule) implements Taken {
        }

        /** Not allowed now (a window missed while the server was down, a freeze): due again later. */
        record Moved(ScheduledCommitData schedule, String why) implements Taken {
        }

        /** Another node took it, or it was cancelled meanwhile. */
        record Gone() implements Taken {
        }
    }

    public List<Long> due(Instant now) {
        return store.due(now);
    }

    public List<Long> runningSince(Instant before) {
        return store.runningSince(before);
    }

    public Optional<ScheduledCommitData> find(long id) {
        return store.find(id).map(ScheduledCommit::toData);
    }

    /**
     * Claims a due schedule if the environment allows a commit now; otherwise moves it to the next
     * moment it does, so a schedule never runs outside a window (and one that can never run ends).
     */
    public Taken take(long id, String node, Instant now) {
        Optional<ScheduledCommit> found = store.find(id).filter(row -> row.state.equals(ScheduledCommitData.SCHEDULED));
        if (found.isEmpty()) {
            return new Taken.Gone();
        }
        ScheduledCommit schedule = found.get();
        CommitCalendar calendar = store.calendar(schedule.environmentName, now);
        Optional<String> refused = calendar.whyNot(now, true);
        if (refused.isPresent()) {
            Optional<Instant> next = calendar.nextAllowed(now);
            String due = "due at " + CommitCalendar.shown(schedule.dueAt) + ", but " + lowerFirst(refused.get());
            if (next.isEmpty()) {
                schedule.finish(ScheduledCommitData.REFUSED, due);
                return new Taken.Moved(schedule.toData(), due);
            }
            schedule.dueAt = next.get();
            schedule.message = "Moved to " + CommitCalendar.shown(next.get()) + ": " + due;
            return new Taken.Moved(schedule.toData(), schedule.message);
        }
        if (!store.claim(id, node, now)) {
            return new Taken.Gone();
        }
        return new Taken.Run(store.find(id).orElseThrow().toData());
    }

    public ScheduledCommitData finish(long id, String state, String message) {
        ScheduledCommit schedule = store.find(id).orElseThrow();
        schedule.finish(state, message);
        return schedule.toData();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
