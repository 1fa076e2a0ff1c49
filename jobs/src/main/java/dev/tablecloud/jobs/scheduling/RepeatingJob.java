package dev.tablecloud.jobs.scheduling;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * A recorded job that runs every {@link #intervalSeconds()} seconds, on one node of the cluster at a
 * time. A fire missed while every node was down is not made up: the next one comes on time.
 * (Its methods are not final: the container proxies the application-scoped jobs.)
 */
public abstract class RepeatingJob extends RecordedJob implements ScheduledJob {

    static final String GROUP = "tablecloud";

    /** What it does, in a line, as Quartz keeps it. */
    protected abstract String description();

    protected abstract int intervalSeconds();

    @Override
    public JobDetail detail() {
        return JobBuilder.newJob(jobClass())
                .withIdentity(name(), GROUP)
                .withDescription(description())
                .storeDurably()
                .build();
    }

    @Override
    public Trigger trigger() {
        return TriggerBuilder.newTrigger()
                .withIdentity(name(), GROUP)
                .forJob(name(), GROUP)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(intervalSeconds())
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** The class Quartz instantiates through the bean factory: this one, not the container's proxy subclass. */
    private Class<? extends RecordedJob> jobClass() {
        Class<?> type = getClass();
        while (type.getSuperclass() != RepeatingJob.class) {
            type = type.getSuperclass();
        }
        return type.asSubclass(RecordedJob.class);
    }
}
