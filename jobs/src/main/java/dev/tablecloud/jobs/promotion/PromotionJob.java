package dev.tablecloud.jobs.promotion;

import dev.tablecloud.jobs.scheduling.RepeatingJob;
import dev.tablecloud.promotion.PromotionRunner;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * Every {@value #INTERVAL_SECONDS} seconds, runs the promotions whose cron or moment has come, and
 * notes which promoted transactions their targets committed or rolled back. Like the scheduled
 * commits, the schedules live in the control database rather than as a Quartz trigger each; each
 * promotion is claimed by a conditional update, so two nodes never run one at once.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class PromotionJob extends RepeatingJob {

    static final int INTERVAL_SECONDS = 20;

    @EJB
    PromotionRunner runner;

    @Override
    protected String name() {
        return PromotionRunner.JOB;
    }

    @Override
    protected String run(JobExecutionContext context) {
        return runner.runDue();
    }

    /** The runner records each promotion's run with its target; the sweep itself only when it fails. */
    @Override
    protected boolean worthRecording(String summary) {
        return false;
    }

    @Override
    protected String description() {
        return "Runs the scheduled promotions that are due and settles the promoted transactions";
    }

    @Override
    protected int intervalSeconds() {
        return INTERVAL_SECONDS;
    }
}
