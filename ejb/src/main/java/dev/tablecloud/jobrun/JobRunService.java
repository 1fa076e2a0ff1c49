package dev.tablecloud.jobrun;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Records job runs and answers when a job last ran. */
@Stateless
public class JobRunService {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    /** In a transaction of its own: a run is recorded even when the job's work rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(JobRunData run) {
        em.persist(new JobRun(run));
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
