package dev.tablecloud.jobs.scheduling;

import dev.tablecloud.controldb.ControlDatabase;
import dev.tablecloud.controldb.ControlDatabaseReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Owns this node's Quartz scheduler. It starts only on a migrated control database (the job store
 * tables come from a migration); if the database is down at start-up it starts when the database
 * becomes ready.
 *
 * <p>Transactions are demarcated here by hand: JobStoreCMT needs one around scheduling calls, and
 * the scheduler must start after it committed. Starting inside it deadlocks, because the cluster
 * check-in waits, on the non-JTA datasource, for the row lock the scheduling call still holds.
 */
@Singleton
@Startup
@DependsOn("ControlDatabase")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @EJB
    ControlDatabase controlDatabase;

    @Inject
    UserTransaction transaction;

    @Inject
    @Any
    Instance<Job> jobs;

    @Inject
    @Any
    Instance<ScheduledJob> scheduledJobs;

    private Scheduler scheduler;

    @PostConstruct
    void startIfDatabaseReady() {
        if (controlDatabase.isReady()) {
            start();
        }
    }

    public void onControlDatabaseReady(@Observes ControlDatabaseReady event) {
        start();
    }

    private synchronized void start() {
        if (scheduler != null) {
            return;
        }
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(quartzProperties());
            Scheduler created = factory.getScheduler();
            created.setJobFactory(new BeanJobFactory(jobs));
            registerJobs(created);
            created.start();
            scheduler = created;
            LOG.info("Scheduler started as " + created.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            LOG.severe("Scheduler could not start: " + e.getMessage());
        }
    }

    private void registerJobs(Scheduler target) throws SchedulerException {
        try {
            transaction.begin();
            for (ScheduledJob job : scheduledJobs) {
                target.scheduleJob(job.detail(), Set.of(job.trigger()), true);
            }
            transaction.commit();
        } catch (SchedulerException e) {
            rollback();
            throw e;
        } catch (Exception e) {
            rollback();
            throw new SchedulerException("Jobs could not be registered: " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            transaction.rollback();
        } catch (Exception e) {
            LOG.warning("Rolling back the job registration failed: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            try {
                scheduler.shutdown(false);
            } catch (SchedulerException e) {
                LOG.warning("Scheduler did not shut down cleanly: " + e.getMessage());
            }
        }
    }

    static Properties quartzProperties() {
        try (InputStream in = JobScheduler.class.getResourceAsStream("quartz.properties")) {
            if (in == null) {
                throw new IllegalStateException("quartz.properties is missing from the jobs module");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException("quartz.properties cannot be read", e);
        }
    }
}
