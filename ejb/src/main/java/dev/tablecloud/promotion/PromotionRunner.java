package dev.tablecloud.promotion;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.export.CommittedChanges;
import dev.tablecloud.export.ExportService;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.jobrun.JobRunData;
import dev.tablecloud.jobrun.JobRunOutcome;
import dev.tablecloud.jobrun.JobRunService;
import dev.tablecloud.jobrun.NodeName;
import dev.tablecloud.review.CarriedAuthors;
import dev.tablecloud.review.ReviewData;
import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.review.ReviewService;
import dev.tablecloud.schedule.CommitCalendar;
import dev.tablecloud.schedule.ScheduledCommitData;
import dev.tablecloud.schedule.ScheduledCommitService;
import dev.tablecloud.security.Access;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.transaction.TransactionState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Runs promotions, for the promotion job and for a person's "run now": claimed by one node, acting
 * as the promotion's creator (every check asks for their roles as they are now), each run's outcome
 * kept with the promotion and in the job history. Long runs (the preview reads the cloud) run
 * outside any container transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PromotionRunner {

    public static final String JOB = "promotion";
    public static final String NOTHING_DUE = "no promotion due";
    static final String BY_SCHEDULE = "schedule";
    private static final Logger LOG = Logger.getLogger(PromotionRunner.class.getName());

    @EJB
    PromotionSteps steps;

    @EJB
    Access access;

    @EJB
    TransactionService transactions;

    @EJB
    ExportService exports;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    ReviewService reviews;

    @EJB
    ReviewQueryService reviewQueries;

    @EJB
    ScheduledCommitService scheduledCommits;

    @EJB
    JobRunService jobRuns;

    @Inject
    PromotedAuthors promotedAuthors;

    /** Settles the runs whose target transactions ended, then runs the promotions that are due. */
    public String runDue() {
        List<String> done = new ArrayList<>();
        for (long id : steps.withOutstandingRuns()) {
            settle(id);
        }
        for (long id : steps.due(Instant.now())) {
            try {
                PromotionRunData run = run(id, BY_SCHEDULE, true);
                done.add(run.route() + ": " + run.message());
            } catch (ConflictException runningElsewhere) {
                done.add("promotion " + id + " runs elsewhere");
            }
        }
        return done.isEmpty() ? NOTHING_DUE : String.join("; ", done);
    }

    /**
     * One run of the promotion, now. Throws a conflict when it is running already (on this node or
     * another); every other outcome is the run's, recorded.
     */
    public PromotionRunData run(long promotionId, String startedBy, boolean scheduled) {
        String node = NodeName.current();
        Instant started = Instant.now();
        PromotionData promotion = steps.claim(promotionId, node, started).orElseThrow(() -> runningElsewhere(promotionId));
        PromotionRunData run;
        try {
            run = access.onBehalfOf(promotion.createdBy(), () -> attempt(promotion, startedBy, node));
        } finally {
            steps.release(promotionId, scheduled, Instant.now());
        }
        record(promotion, run, started, node);
        return run;
    }

    /** Looks whether the target transactions of the promotion's waiting runs ended, and records how. */
    public void settle(long promotionId) {
        for (PromotionRunData run : steps.outstanding(promotionId)) {
            Optional<TransactionState> state = transactions.stateOf(run.target(), run.targetTransactionId());
            if (state.isEmpty() || state.get() == TransactionState.ROLLED_BACK) {
                steps.settle(run.id(), PromotionRunData.ROLLED_BACK);
            } else if (state.get() == TransactionState.COMMITTED) {
                steps.settle(run.id(), PromotionRunData.COMMITTED);
            }
        }
    }

    /**
     * At this node's start: the claims it held died with its previous life, and the runs behind them
     * are ended by the promotion's next run.
     */
    public void releaseClaimsOfThisNode() {
        int released = steps.releaseClaimsOf(NodeName.current());
        if (released > 0) {
            LOG.warning("Released " + released + " promotion claims of " + NodeName.current() + ": it stopped during"
                    + " their runs, which the next run of each ends.");
        }
    }

    private PromotionRunData attempt(PromotionData promotion, String startedBy, String node) {
        endInterrupted(promotion);
        settle(promotion.id());
        long position = steps.find(promotion.id()).orElseThrow().promotedPosition();
        long runId = steps.start(promotion.id(), node, startedBy, position);
        boolean began = false;
        try {
            Optional<PromotionRunData> waiting = steps.outstanding(promotion.id()).stream().findFirst();
            if (waiting.isPresent()) {
                return steps.finish(runId, PromotionRunData.SKIPPED, "Run " + waiting.get().id() + " of this promotion"
                        + " waits: transaction " + waiting.get().targetTransactionId() + " in " + promotion.target()
                        + (waiting.get().reviewId() == null ? "" : " (review " + waiting.get().reviewId() + ")")
                        + " is to be committed or rolled back first.", null, null);
            }
            Optional<TransactionData> open = transactions.current(promotion.target());
            if (open.isPresent()) {
                return steps.finish(runId, PromotionRunData.SKIPPED, "Transaction " + open.get().id() + " is open in "
                        + promotion.target() + ", by " + open.get().openedBy() + " since "
                        + CommitCalendar.shown(open.get().openedAt()) + ": the promotion runs once it has ended.",
                        null, null);
            }
            CommittedChanges changes = exports.committedAfter(promotion.source(), position, promotion.target());
            if (changes.isEmpty()) {
                return steps.finish(runId, PromotionRunData.NOTHING, "Nothing was committed in " + promotion.source()
                        + " after audit position " + position + ".", null, null);
            }
            Proposal proposal = new Proposal(promotion, changes, authorsOf(promotion.source(), changes));
            steps.carrying(runId, changes.transactionIds(), proposal.authors(), changes.upTo(), proposal.script());
            List<String> statements = changes.sql().statements();
            if (statements.isEmpty()) {
                return steps.finish(runId, PromotionRunData.FAILED, "None of the changes of " + promotion.source()
                        + " " + proposal.transactions() + " can be replayed in " + promotion.target()
                        + ": " + String.join(" ", changes.sql().problems()), null, null);
            }
            TransactionData transaction = transactions.begin(promotion.target());
            began = true;
            steps.began(runId, transaction.id());
            Replay.Result replayed;
            try (Connection target = databases.openAsUser(promotion.target(), promotion.actor())) {
                replayed = Replay.run(target, statements);
            } catch (SQLException e) {
                throw EnvironmentDatabases.unreachable(promotion.target(), e);
            }
            if (replayed instanceof Replay.Result.Failed failed) {
                rollBack(promotion);
                return steps.finish(runId, PromotionRunData.FAILED, "Statement " + failed.number() + " of "
                        + statements.size() + " failed in " + promotion.target() + ": " + failed.error() + " — "
                        + failed.statement() + " Transaction " + transaction.id() + " was rolled back; nothing changed"
                        + " in " + promotion.source() + ", and the next run proposes the changes again.",
                        failed.number(), null);
            }
            if (replayed instanceof Replay.Result.Conflict conflict) {
                return steps.finish(runId, PromotionRunData.CONFLICT, "Statement " + conflict.number() + " of "
                        + statements.size() + " matched no row in " + promotion.target() + ": " + conflict.statement()
                        + " The row was renamed there, or never promoted. Transaction " + transaction.id()
                        + " stays open with the statements before it: make the rest by hand and commit it (it then"
                        + " counts as promoted), or roll it back (the next run proposes the changes again).",
                        conflict.number(), null);
            }
            ReviewData review = reviews.open(promotion.target(), proposal.title(), proposal.description());
            int planned = review.revisions().get(review.revisions().size() - 1).plan().size();
            return steps.finish(runId, PromotionRunData.PROMOTED, "Review " + review.id() + " in "
                    + promotion.target() + ": " + counted(statements.size(), "statement") + " from " + promotion.source()
                    + " " + proposal.transactions() + ", " + counted(planned, "cloud change") + " planned. "
                    + commitOnceApproved(promotion, review), null, review.id());
        } catch (RuntimeException e) {
            if (began) {
                rollBack(promotion);
            }
            LOG.warning("Promotion " + promotion.id() + " (" + promotion.route() + ") failed: " + e);
            return steps.finish(runId, PromotionRunData.FAILED, "The run failed" + (began ? " and its transaction in "
                    + promotion.target() + " was rolled back" : "") + ": " + e.getMessage(), null, null);
        }
    }

    /**
     * A run whose node stopped during it (killed, or the machine lost) left at most an unreviewed
     * transaction in the target: rolled back, so that this run proposes the changes again whole.
     */
    private void endInterrupted(PromotionData promotion) {
        for (PromotionRunData dead : steps.interrupted(promotion.id())) {
            String lost = "Its server (" + dead.node() + ") stopped during the run";
            Long begun = dead.targetTransactionId();
            boolean stillOpen = begun != null && transactions.current(promotion.target())
                    .filter(open -> open.id() == begun && open.state() == TransactionState.OPEN).isPresent();
            if (stillOpen) {
                rollBack(promotion);
            }
            String left;
            if (begun == null) {
                left = ", before it changed " + promotion.target() + ".";
            } else if (stillOpen) {
                left = "; its transaction " + begun + " in " + promotion.target() + " was rolled back.";
            } else {
                left = "; its transaction " + begun + " in " + promotion.target() + " had ended otherwise.";
            }
            steps.finish(dead.id(), PromotionRunData.FAILED, lost + left + " The next run proposes the changes again.",
                    null, null);
        }
    }

    /**
     * Whoever changed the source transactions, and whoever those carry from further up a chain
     * (dev → staging → prod): none of them approves the change in the target.
     */
    private List<String> authorsOf(String source, CommittedChanges changes) {
        Set<String> authors = new LinkedHashSet<>(changes.actors());
        for (long transactionId : changes.transactionIds()) {
            promotedAuthors.of(source, transactionId).forEach(carried -> authors.add(carried.user()));
        }
        return List.copyOf(authors);
    }

    /**
     * With commit mode next-window, a review the target's policy already lets through (no approval
     * required) is scheduled at once; otherwise its approval schedules it.
     */
    public String commitOnceApproved(PromotionData promotion, ReviewData review) {
        if (!promotion.commit().equals(PromotionData.NEXT_WINDOW)) {
            return "Commit it by hand once approved.";
        }
        if (!review.committable()) {
            return "Once approved, it commits in the next window of " + promotion.target() + ".";
        }
        Optional<ScheduledCommitData> already = scheduledCommits.current(promotion.target())
                .filter(schedule -> schedule.transactionId() == review.transactionId());
        if (already.isPresent()) {
            return "Its commit is scheduled for " + CommitCalendar.shown(already.get().dueAt()) + ".";
        }
        ScheduledCommitData scheduled = scheduledCommits.schedule(promotion.target(), ScheduledCommitData.NEXT_WINDOW);
        return "Its commit is scheduled for " + CommitCalendar.shown(scheduled.dueAt()) + ".";
    }

    private static String counted(int count, String thing) {
        return count + " " + thing + (count == 1 ? "" : "s");
    }

    private void rollBack(PromotionData promotion) {
        try {
            transactions.rollback(promotion.target());
        } catch (RuntimeException e) {
            LOG.warning("Rolling back the transaction of promotion " + promotion.id() + " in " + promotion.target()
                    + " failed: " + e);
        }
    }

    private ConflictException runningElsewhere(long promotionId) {
        PromotionData promotion = steps.find(promotionId).orElseThrow(() ->
                new NotFoundException("There is no promotion " + promotionId + "."));
        return new ConflictException("Promotion " + promotionId + " (" + promotion.route() + ") is running on "
                + promotion.runningOn() + " since " + CommitCalendar.shown(promotion.runningSince())
                + ": wait for that run.");
    }

    private void record(PromotionData promotion, PromotionRunData run, Instant started, String node) {
        JobRunOutcome outcome = switch (run.outcome()) {
            case PromotionRunData.PROMOTED, PromotionRunData.NOTHING -> JobRunOutcome.SUCCEEDED;
            case PromotionRunData.SKIPPED -> JobRunOutcome.SKIPPED;
            default -> JobRunOutcome.FAILED;
        };
        try {
            jobRuns.record(new JobRunData(JOB, promotion.target(), started, Instant.now(), outcome,
                    "Promotion " + promotion.id() + " (" + promotion.route() + "), run " + run.id() + " by "
                            + run.startedBy() + ": " + run.message(), node));
        } catch (RuntimeException e) {
            LOG.warning("Recording run " + run.id() + " of promotion " + promotion.id() + " failed: " + e.getMessage());
        }
    }
}
