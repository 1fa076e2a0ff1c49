package dev.tablecloud.jobs.drift;

import dev.tablecloud.drift.DriftRunner;
import dev.tablecloud.jobs.scheduling.RepeatingJob;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * Every minute, syncs the environments whose drift interval has passed (each claimed by one node).
 * The runner records each environment's sync in the job history; the sweep itself only when it fails.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class DriftSyncJob extends RepeatingJob {

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
    protected String description() {
        return "Syncs each environment whose drift schedule is due";
    }

    @Override
    protected int intervalSeconds() {
        return INTERVAL_SECONDS;
    }
}
