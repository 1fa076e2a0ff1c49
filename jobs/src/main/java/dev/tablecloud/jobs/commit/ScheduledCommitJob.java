package dev.tablecloud.jobs.commit;

import dev.tablecloud.jobs.scheduling.RecordedJob;
import dev.tablecloud.jobs.scheduling.ScheduledJob;
import dev.tablecloud.schedule.ScheduledCommitRunner;
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
 * Every {@value #INTERVAL_SECONDS} seconds, runs the scheduled commits that are due. The schedules
 * live in the control database (one truth, cancelled or moved by a row update) rather than as one
 * Quartz trigger each; Quartz's clustered store makes this one job fire on one node at a time, and
 * each schedule is claimed by a conditional update besides.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class ScheduledCommitJob extends RecordedJob implements ScheduledJob {

    static final String NAME = ScheduledCommitRunner.JOB;
    static final int INTERVAL_SECONDS = 10;

    @EJB
    ScheduledCommitRunner runner;

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected String run(JobExecutionContext context) {
        return runner.runDue();
    }

    /** The runner records each schedule's run with its environment; the sweep itself only when it fails. */
    @Override
    protected boolean worthRecording(String summary) {
        return false;
    }

    @Override
    public JobDetail detail() {
        return JobBuilder.newJob(ScheduledCommitJob.class)
                .withIdentity(NAME, "tablecloud")
                .withDescription("Commits approved transactions at their scheduled time, inside commit windows")
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
