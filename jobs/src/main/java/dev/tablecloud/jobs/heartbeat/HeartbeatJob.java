package dev.tablecloud.jobs.heartbeat;

import dev.tablecloud.health.HealthService;
import dev.tablecloud.jobs.scheduling.RecordedJob;
import dev.tablecloud.jobs.scheduling.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Every minute, on one node of the cluster, records that the scheduler is alive. */
@ApplicationScoped
@DisallowConcurrentExecution
public class HeartbeatJob extends RecordedJob implements ScheduledJob {

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
    public JobDetail detail() {
        return JobBuilder.newJob(HeartbeatJob.class)
                .withIdentity(name(), "tablecloud")
                .withDescription("Proves every minute that the clustered scheduler runs")
                .storeDurably()
                .build();
    }

    @Override
    public Trigger trigger() {
        // First beat at once, so a freshly started server reports a heartbeat within seconds.
        return TriggerBuilder.newTrigger()
                .withIdentity(name(), "tablecloud")
                .forJob(name(), "tablecloud")
                .startNow()
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(INTERVAL_SECONDS)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
