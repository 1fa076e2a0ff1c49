package dev.tablecloud.jobs.commit;

import dev.tablecloud.jobs.scheduling.RepeatingJob;
import dev.tablecloud.schedule.ScheduledCommitRunner;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * Every {@value #INTERVAL_SECONDS} seconds, runs the scheduled commits that are due. The schedules
 * live in the control database (one truth, cancelled or moved by a row update) rather than as one
 * Quartz trigger each; Quartz's clustered store makes this one job fire on one node at a time, and
 * each schedule is claimed by a conditional update besides.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class ScheduledCommitJob extends RepeatingJob {

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
    protected String description() {
        return "Commits approved transactions at their scheduled time, inside commit windows";
    }

    @Override
    protected int intervalSeconds() {
        return INTERVAL_SECONDS;
    }
}
