package dev.tablecloud.jobs.drift;

import dev.tablecloud.jobs.scheduling.RecordedJob;
import dev.tablecloud.jobs.scheduling.ScheduledJob;
import dev.tablecloud.drift.DriftRunner;
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
 * Every minute, syncs the environments whose drift interval has passed (each claimed by one node).
 * The runner records each environment's sync in the job history; the sweep itself only when it fails.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class DriftSyncJob extends RecordedJob implements ScheduledJob {

    static final String NAME = DriftRunner.JOB;
    static final int INTERVAL_SECONDS = 60;

    @EJB
    DriftRunner runner;

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected String run(JobExecutionContext context) {
        return runner.runDue();
    }

    @Override
    protected boolean worthRecording(String summary) {
        return false;
    }

    @Override
    public JobDetail detail() {
        return JobBuilder.newJob(DriftSyncJob.class)
                .withIdentity(NAME, "tablecloud")
                .withDescription("Syncs each environment whose drift schedule is due")
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
