package dev.tablecloud.schedule;

import dev.tablecloud.failure.TablecloudException;
import dev.tablecloud.jobrun.JobRunData;
import dev.tablecloud.jobrun.JobRunOutcome;
import dev.tablecloud.jobrun.JobRunService;
import dev.tablecloud.jobrun.NodeName;
import dev.tablecloud.security.Access;
import dev.tablecloud.transaction.CommitReport;
import dev.tablecloud.transaction.TransactionEndedException;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.transaction.TransactionState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs the scheduled commits that are due, for the scheduled-commit job: each claimed by this node,
 * committed as its requester's own commit, its outcome kept on the schedule and in the job history.
 * Long commits run outside any container transaction, as a person's do.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledCommitRunner {

    public static final String JOB = "scheduled-commit";
    public static final String NOTHING_DUE = "no commit due";
    /** Longer than the stuck-commit recovery takes to notice a dead server and finish its commit. */
    static final Duration RUNNING_TOO_LONG = Duration.ofMinutes(3);
    private static final Logger LOG = Logger.getLogger(ScheduledCommitRunner.class.getName());

    @EJB
    ScheduleSteps steps;

    @EJB
    TransactionService transactions;

    @EJB
    JobRunService jobRuns;

    @EJB
    Access access;

    /** @return what it did, in a line per schedule, or {@value #NOTHING_DUE} */
    public String runDue() {
        String node = NodeName.current();
        List<String> done = new ArrayList<>();
        Instant now = Instant.now();
        for (long id : steps.due(now)) {
            done.add(run(id, node));
        }
        for (long id : steps.runningSince(now.minus(RUNNING_TOO_LONG))) {
            reconcile(id, node).ifPresent(done::add);
        }
        return done.isEmpty() ? NOTHING_DUE : String.join("; ", done);
    }

    private String run(long id, String node) {
        Instant started = Instant.now();
        ScheduleSteps.Taken taken = steps.take(id, node, started);
        if (taken instanceof ScheduleSteps.Taken.Moved moved) {
            record(moved.schedule(), started, JobRunOutcome.MISSED_WINDOW, moved.why(), node);
            return moved.schedule().environment() + ": " + moved.why();
        }
        if (!(taken instanceof ScheduleSteps.Taken.Run claimed)) {
            return "schedule " + id + " taken elsewhere";
        }
        ScheduledCommitData schedule = claimed.schedule();
        String state;
        String message;
        JobRunOutcome outcome;
        try {
            CommitReport report = access.onBehalfOf(schedule.requestedBy(), () -> transactions.commitScheduled(
                    schedule.environment(), schedule.transactionId(), schedule.requestedBy()));
            if (report.committed()) {
                state = ScheduledCommitData.COMMITTED;
                outcome = JobRunOutcome.SUCCEEDED;
                message = "Transaction " + schedule.transactionId() + " committed: " + report.steps().size()
                        + " cloud actions.";
            } else {
                state = ScheduledCommitData.FAILED;
                outcome = JobRunOutcome.FAILED;
                message = "Commit of transaction " + schedule.transactionId() + " failed: " + report.error()
                        + (report.undo().isEmpty() ? "" : " Undone: " + String.join("; ", report.undo()) + ".")
                        + " The transaction is open again.";
            }
        } catch (TransactionEndedException ended) {
            state = ScheduledCommitData.ABANDONED;
            outcome = JobRunOutcome.SKIPPED;
            message = ended.getMessage();
        } catch (TablecloudException refused) {
            // The review gate (plan changed since approval, approvals missing), a window or a role: the
            // transaction stays OPEN, and the review, if any, records the refusal and notifies its webhooks.
            state = ScheduledCommitData.REFUSED;
            outcome = JobRunOutcome.FAILED;
            message = "Commit of transaction " + schedule.transactionId() + " refused: " + refused.getMessage();
        } catch (RuntimeException e) {
            state = ScheduledCommitData.FAILED;
            outcome = JobRunOutcome.FAILED;
            message = "Commit of transaction " + schedule.transactionId() + " failed: " + e;
            LOG.warning("Scheduled commit " + id + " of '" + schedule.environment() + "' failed: " + e);
        }
        steps.finish(id, state, message);
        record(schedule, started, outcome, message, node);
        return schedule.environment() + ": " + message;
    }

    /**
     * A schedule still running long after it began lost its server mid-commit; the stuck-commit
     * recovery finished or undid that commit on a live node, and the transaction says which.
     */
    private Optional<String> reconcile(long id, String node) {
        Optional<ScheduledCommitData> found = steps.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScheduledCommitData schedule = found.get();
        Optional<TransactionState> state = transactions.stateOf(schedule.environment(), schedule.transactionId());
        if (state.isPresent() && state.get() == TransactionState.COMMITTING) {
            return Optional.empty();
        }
        String lost = "Its server (" + schedule.node() + ") stopped during the commit; ";
        ScheduledCommitData ended = state.filter(now -> now == TransactionState.COMMITTED).isPresent()
                ? steps.finish(id, ScheduledCommitData.COMMITTED, lost + "the recovery finished it.")
                : state.filter(now -> now == TransactionState.OPEN).isPresent()
                ? steps.finish(id, ScheduledCommitData.FAILED, lost + "the recovery undid it and the transaction"
                        + " is open again.")
                : steps.finish(id, ScheduledCommitData.ABANDONED, lost + "the transaction ended otherwise.");
        record(ended, ended.startedAt() == null ? Instant.now() : ended.startedAt(),
                ended.state().equals(ScheduledCommitData.COMMITTED) ? JobRunOutcome.SUCCEEDED : JobRunOutcome.FAILED,
                ended.message(), node);
        return Optional.of(schedule.environment() + ": " + ended.message());
    }

    private void record(ScheduledCommitData schedule, Instant started, JobRunOutcome outcome, String message, String node) {
        try {
            jobRuns.record(new JobRunData(JOB, schedule.environment(), started, Instant.now(), outcome,
                    "Schedule " + schedule.id() + " by " + schedule.requestedBy() + ": " + message, node));
        } catch (RuntimeException e) {
            LOG.warning("Recording the run of schedule " + schedule.id() + " failed: " + e.getMessage()
                    + " (" + message + ")");
        }
    }
}
