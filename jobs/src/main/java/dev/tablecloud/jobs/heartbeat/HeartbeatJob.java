package dev.tablecloud.jobs.heartbeat;

import dev.tablecloud.health.HealthService;
import dev.tablecloud.jobs.scheduling.RepeatingJob;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/** Every minute, on one node of the cluster, records that the scheduler is alive. */
@ApplicationScoped
@DisallowConcurrentExecution
public class HeartbeatJob extends RepeatingJob {

    static final int INTERVAL_SECONDS = 60;

    @Override
    protected String name() {
        return HealthService.HEARTBEAT_JOB;
    }

    @Override
    protected String run(JobExecutionContext context) {
        return "scheduler alive";
    }

    @Override
    protected String description() {
        return "Proves every minute that the clustered scheduler runs";
    }

    @Override
    protected int intervalSeconds() {
        return INTERVAL_SECONDS;
    }
}
