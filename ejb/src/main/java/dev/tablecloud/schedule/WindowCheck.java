package dev.tablecloud.schedule;

import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.CommitCheck;
import dev.tablecloud.transaction.CommitGate;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The windows and freezes at every commit, from any door: during a freeze nothing commits unless an
 * admin gives a reason (the review gate records it with the commit); a schedule commits only inside
 * a window, and no reason lets it out of one.
 */
@Dependent
public class WindowCheck implements CommitCheck {

    @Inject
    ScheduleStore store;

    @EJB
    Access access;

    @Override
    public void admit(CommitGate.CommitRequest request) {
        Instant now = Instant.now();
        CommitCalendar calendar = store.calendar(request.environment(), now);
        var refusal = calendar.whyNot(now, request.scheduled());
        if (refusal.isEmpty()) {
            return;
        }
        boolean frozen = calendar.freezeAt(now).isPresent();
        if (frozen && !request.scheduled() && request.override() != null && !request.override().isBlank()) {
            access.require(request.environment(), Role.ADMIN, "commit during a freeze");
            return;
        }
        throw new ConflictException("Transaction " + request.transactionId() + " may not be committed now: "
                + refusal.get());
    }
}
