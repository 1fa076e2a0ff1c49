package dev.tablecloud.jobrun;

import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Records job runs and answers when a job last ran. */
@Stateless
public class JobRunService {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    /** In a transaction of its own: a run is recorded even when the job's work rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(JobRunData run) {
        em.persist(new JobRun(run));
    }

    /**
     * The latest runs, newest first, of the environments the caller may see (runs over the whole
     * installation only for those who see every environment).
     *
     * @param environment only this environment's runs, or null
     * @param kind        only this job's runs, or null
     * @param outcome     only runs that ended so, or null
     */
    public List<JobRunData> list(String environment, String kind, JobRunOutcome outcome, int limit) {
        List<String> visible = null;
        if (environment != null) {
            access.require(environment, Role.VIEWER, "see the job history");
        } else if (!access.holds(access.caller(), null, Role.VIEWER)) {
            visible = environments.list().stream().map(EnvironmentData::name).toList();
        }
        StringBuilder query = new StringBuilder("select r from JobRun r where 1 = 1");
        if (environment != null) {
            query.append(" and r.environmentName = :environment");
        }
        if (visible != null) {
            query.append(" and r.environmentName in :visible");
        }
        if (kind != null) {
            query.append(" and r.jobName = :kind");
        }
        if (outcome != null) {
            query.append(" and r.outcome = :outcome");
        }
        var typed = em.createQuery(query.append(" order by r.startedAt desc, r.id desc").toString(), JobRun.class);
        if (environment != null) {
            typed.setParameter("environment", environment);
        }
        if (visible != null) {
            if (visible.isEmpty()) {
                return List.of();
            }
            typed.setParameter("visible", visible);
        }
        if (kind != null) {
            typed.setParameter("kind", kind);
        }
        if (outcome != null) {
            typed.setParameter("outcome", outcome);
        }
        return typed.setMaxResults(Math.max(1, Math.min(limit, 500))).getResultStream().map(JobRun::toData).toList();
    }

    /** The jobs that have recorded a run, by name: what the history can be filtered by. */
    public List<String> kinds() {
        access.caller();
        return em.createQuery("select distinct r.jobName from JobRun r order by r.jobName", String.class).getResultList();
    }

    public Optional<JobRunData> lastRun(String jobName) {
        return em.createQuery("select r from JobRun r where r.jobName = :job order by r.startedAt desc, r.id desc",
                        JobRun.class)
                .setParameter("job", jobName)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(JobRun::toData);
    }
}
