package dev.tablecloud.schedule;

import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.transaction.TransactionState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Use cases of a person on the scheduled commit of an environment's open transaction. */
@Stateless
public class ScheduledCommitService {

    /** A time a little in the past is "now" (clocks and typing); more is a mistake worth saying. */
    static final Duration PAST_TOLERATED = Duration.ofMinutes(1);

    @Inject
    ScheduleStore store;

    @EJB
    Access access;

    @EJB
    TransactionService transactions;

    /**
     * Schedules the commit of the open transaction at {@code at} (an ISO 8601 instant) or, for
     * {@value ScheduledCommitData#NEXT_WINDOW}, when the environment next allows one. When it runs, it
     * is the same commit as the requester's, through the review gate against a fresh plan.
     */
    public ScheduledCommitData schedule(String environment, String at) {
        String actor = access.require(environment, Role.AUTHOR, "schedule the commit of the transaction");
        TransactionData open = transactions.current(environment)
                .filter(transaction -> transaction.state() == TransactionState.OPEN)
                .orElseThrow(() -> new ConflictException("No transaction is open in environment '" + environment
                        + "': begin one, change rows, then schedule its commit."));
        store.active(environment).ifPresent(existing -> {
            throw new ConflictException("The commit of transaction " + existing.transactionId + " is already scheduled"
                    + " for " + CommitCalendar.shown(existing.dueAt) + " by " + existing.requestedBy
                    + ": cancel that schedule first.");
        });
        Instant now = Instant.now();
        CommitCalendar calendar = store.calendar(environment, now);
        String mode;
        Instant due;
        if (at == null || at.isBlank()) {
            throw new InvalidInputException(List.of(new FieldError("at", "Say when: an ISO 8601 instant such as"
                    + " 2026-12-08T21:00:00Z, or \"next-window\".")));
        } else if (at.strip().equals(ScheduledCommitData.NEXT_WINDOW)) {
            mode = ScheduledCommitData.NEXT_WINDOW;
            due = calendar.nextAllowed(now).orElseThrow(() -> new ConflictException("Environment '" + environment
                    + "' has no commit window that opens again: change its windows or freezes first."));
        } else {
            mode = ScheduledCommitData.AT;
            due = instant(at.strip());
            if (due.isBefore(now.minus(PAST_TOLERATED))) {
                throw new InvalidInputException(List.of(new FieldError("at", CommitCalendar.shown(due)
                        + " has passed: schedule a time to come, or commit now.")));
            }
            if (due.isBefore(now)) {
                due = now;
            }
            Optional<String> refused = calendar.whyNot(due, true);
            if (refused.isPresent()) {
                throw new InvalidInputException(List.of(new FieldError("at", "At " + CommitCalendar.shown(due)
                        + " no commit may run: " + refused.get() + " Schedule it for then, or for \"next-window\".")));
            }
        }
        ScheduledCommit scheduled = new ScheduledCommit(environment, open.id(), mode, due, actor);
        store.persist(scheduled);
        return scheduled.toData();
    }

    /** The environment's waiting or running schedule, if any. */
    public Optional<ScheduledCommitData> current(String environment) {
        access.require(environment, Role.VIEWER, "see scheduled commits");
        return store.active(environment).map(ScheduledCommit::toData);
    }

    /** The environment's latest schedules and how each ended, newest first. */
    public List<ScheduledCommitData> recent(String environment, int limit) {
        access.require(environment, Role.VIEWER, "see scheduled commits");
        return store.recent(environment, Math.max(1, Math.min(limit, 200))).stream().map(ScheduledCommit::toData).toList();
    }

    public ScheduledCommitData cancel(String environment) {
        String actor = access.require(environment, Role.AUTHOR, "cancel the scheduled commit");
        ScheduledCommit scheduled = store.active(environment).orElseThrow(() -> new NotFoundException(
                "No commit is scheduled in environment '" + environment + "'."));
        if (!scheduled.state.equals(ScheduledCommitData.SCHEDULED)) {
            throw new ConflictException("The scheduled commit of transaction " + scheduled.transactionId
                    + " is running on " + scheduled.node + " since " + CommitCalendar.shown(scheduled.startedAt)
                    + ": it can no longer be cancelled.");
        }
        scheduled.finish(ScheduledCommitData.CANCELLED, "cancelled by " + actor);
        return scheduled.toData();
    }

    private static Instant instant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidInputException(List.of(new FieldError("at", "\"" + at + "\" is not a time: give an"
                        + " ISO 8601 instant with its offset, such as 2026-12-08T22:00:00+01:00, or \"next-window\".")));
            }
        }
    }
}
