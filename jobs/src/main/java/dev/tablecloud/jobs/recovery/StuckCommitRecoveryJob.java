package dev.tablecloud.jobs.recovery;

import dev.tablecloud.jobs.scheduling.RepeatingJob;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * Every 20 seconds, and at once when a server starts, looks for commits whose owner stopped
 * beating and recovers them. The work is the engine's; this only calls it.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class StuckCommitRecoveryJob extends RepeatingJob {

    static final String NAME = "stuck-commit-recovery";
    static final int INTERVAL_SECONDS = 20;

    @EJB
    TransactionService transactions;

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected String run(JobExecutionContext context) {
        return transactions.recoverStuckCommits();
    }

    /** Every 20 seconds there is usually nothing to recover: only recoveries go into the history. */
    @Override
    protected boolean worthRecording(String summary) {
        return !summary.equals(TransactionService.NOTHING_STUCK);
    }

    @Override
    protected String description() {
        return "Finishes or undoes commits whose server stopped";
    }

    @Override
    protected int intervalSeconds() {
        return INTERVAL_SECONDS;
    }
}
