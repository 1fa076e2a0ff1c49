package dev.tablecloud.jobs.scheduling;

import jakarta.enterprise.inject.Instance;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Quartz creates jobs by reflection, which would leave their injection points empty. This factory
 * hands Quartz the CDI bean of the job class instead; job beans are application scoped and
 * stateless, so one instance serves every run.
 */
final class BeanJobFactory implements JobFactory {

    private final Instance<Job> jobs;

    BeanJobFactory(Instance<Job> jobs) {
        this.jobs = jobs;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> jobClass = bundle.getJobDetail().getJobClass();
        Instance<? extends Job> candidates = jobs.select(jobClass);
        if (!candidates.isResolvable()) {
            throw new SchedulerException("Job class " + jobClass.getName() + " is not a CDI bean of this application");
        }
        return candidates.get();
    }
}
