package dev.tablecloud.jobs.scheduling;

import org.quartz.JobDetail;
import org.quartz.Trigger;

/** A job that the scheduler keeps registered: its definition and its trigger. */
public interface ScheduledJob {

    JobDetail detail();

    Trigger trigger();
}
