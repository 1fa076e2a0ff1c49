package dev.tablecloud.drift;

import dev.tablecloud.sync.SyncFinished;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The drift rows of the control database: the drift each sync outside a transaction found, and
 * each environment's schedule, claimed by one node at a time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DriftLog {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @Inject
    Event<DriftFound> found;

    /**
     * A sync outside any transaction changed rows: that is drift, kept with the audit entries it
     * wrote, and announced once kept.
     */
    public void record(@Observes SyncFinished sync) {
        DriftRun run = new DriftRun(sync.environment(), sync.actor(), sync.auditFrom(), sync.auditTo(),
                sync.report().inserted(), sync.report().updated(), sync.report().deleted());
        em.persist(run);
        em.flush();
        found.fire(new DriftFound(run.id, run.environmentName, run.detectedBy, run.inserted, run.updated, run.deleted,
                run.detectedAt, DriftFound.pageOf(run.environmentName)));
    }

    public List<DriftRun> latest(String environment, int limit) {
        return em.createQuery("select r from DriftRun r where r.environmentName = :environment order by r.id desc",
                        DriftRun.class)
                .setParameter("environment", environment).setMaxResults(limit).getResultList();
    }

    public Optional<DriftScheduleRow> schedule(String environment) {
        return Optional.ofNullable(em.find(DriftScheduleRow.class, environment));
    }

    public void keepInterval(String environment, Integer minutes) {
        DriftScheduleRow row = em.find(DriftScheduleRow.class, environment);
        if (row == null) {
            row = new DriftScheduleRow(environment);
            em.persist(row);
        }
        row.intervalMinutes = minutes;
    }

    /**
     * Takes the environment's drift sync if it is due: one conditional update (or insert), so that
     * of two nodes looking at once only one syncs.
     */
    public boolean claim(String environment, Duration interval, Instant now) {
        return em.createNativeQuery("insert into drift_schedule (environment_name, last_run_at) values (?1, ?2)"
                        + " on conflict (environment_name) do update set last_run_at = excluded.last_run_at"
                        + " where drift_schedule.last_run_at is null or drift_schedule.last_run_at <= ?3")
                .setParameter(1, environment).setParameter(2, now).setParameter(3, now.minus(interval))
                .executeUpdate() == 1;
    }
}
