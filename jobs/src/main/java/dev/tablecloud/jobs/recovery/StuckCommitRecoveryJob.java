package dev.tablecloud.jobs.recovery;

import dev.tablecloud.jobs.scheduling.RecordedJob;
import dev.tablecloud.jobs.scheduling.ScheduledJob;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Every 20 seconds, and at once when a server starts, looks for commits whose owner stopped
 * beating and recovers them. The work is the engine's; this only calls it.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class StuckCommitRecoveryJob extends RecordedJob implements ScheduledJob {

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
    public JobDetail detail() {
        return JobBuilder.newJob(StuckCommitRecoveryJob.class)
                .withIdentity(NAME, "tablecloud")
                .withDescription("Finishes or undoes commits whose server stopped")
                .storeDurably()
                .build();
    }

    @Override
    public Trigger trigger() {
        return TriggerBuilder.newTrigger()
                .withIdentity(NAME, "tablecloud")
                .forJob(NAME, "tablecloud")
                .startNow()
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(INTERVAL_SECONDS)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
