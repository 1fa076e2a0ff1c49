package dev.tablecloud.schedule;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The windows, freezes and scheduled commits of the control database, in the caller's container transaction. */
@Dependent
class ScheduleStore {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    List<CommitWindow> windows(String environment) {
        return em.createQuery("select w from StoredWindow w where w.environmentName = :environment order by w.position",
                        StoredWindow.class)
                .setParameter("environment", environment).getResultStream().map(StoredWindow::toData).toList();
    }

    /** The freezes not over at {@code now}, soonest first. */
    List<CommitFreeze> freezes(String environment, Instant now) {
        return storedFreezes(environment, now).stream().map(StoredFreeze::toData).toList();
    }

    CommitCalendar calendar(String environment, Instant now) {
        return new CommitCalendar(environment, windows(environment), freezes(environment, now));
    }

    /** Replaces the windows, and the freezes not yet over; a freeze given again unchanged keeps who set it. */
    void replace(String environment, List<CommitWindow> windows, List<CommitFreeze> freezes, String actor, Instant now) {
        em.createQuery("delete from StoredWindow w where w.environmentName = :environment")
                .setParameter("environment", environment).executeUpdate();
        for (int position = 0; position < windows.size(); position++) {
            em.persist(new StoredWindow(environment, position, windows.get(position), actor));
        }
        List<StoredFreeze> kept = storedFreezes(environment, now);
        for (StoredFreeze stored : kept) {
            if (freezes.stream().noneMatch(stored::same)) {
                em.remove(stored);
            }
        }
        for (CommitFreeze freeze : freezes) {
            if (kept.stream().noneMatch(stored -> stored.same(freeze))) {
                em.persist(new StoredFreeze(environment, freeze, actor));
            }
        }
    }

    private List<StoredFreeze> storedFreezes(String environment, Instant now) {
        return em.createQuery("select f from StoredFreeze f where f.environmentName = :environment and f.endsAt > :now"
                        + " order by f.startsAt, f.id", StoredFreeze.class)
                .setParameter("environment", environment).setParameter("now", now).getResultList();
    }

    /** The environment's waiting or running schedule (at most one). */
    Optional<ScheduledCommit> active(String environment) {
        return em.createQuery("select s from ScheduledCommit s where s.environmentName = :environment"
                        + " and s.state in ('scheduled', 'running')", ScheduledCommit.class)
                .setParameter("environment", environment).getResultStream().findFirst();
    }

    /** The environment's latest schedules, newest first. */
    List<ScheduledCommit> recent(String environment, int limit) {
        return em.createQuery("select s from ScheduledCommit s where s.environmentName = :environment"
                        + " order by s.id desc", ScheduledCommit.class)
                .setParameter("environment", environment).setMaxResults(limit).getResultList();
    }

    Optional<ScheduledCommit> find(long id) {
        return Optional.ofNullable(em.find(ScheduledCommit.class, id));
    }

    void persist(Object row) {
        em.persist(row);
        em.flush();
    }

    /** Ids of the schedules due at {@code now}, earliest first. */
    List<Long> due(Instant now) {
        return em.createQuery("select s.id from ScheduledCommit s where s.state = 'scheduled' and s.dueAt <= :now"
                        + " order by s.dueAt, s.id", Long.class)
                .setParameter("now", now).getResultList();
    }

    /** Ids of the schedules running for longer than a commit is given before its recovery. */
    List<Long> runningSince(Instant before) {
        return em.createQuery("select s.id from ScheduledCommit s where s.state = 'running' and s.startedAt < :before",
                        Long.class)
                .setParameter("before", before).getResultList();
    }

    /**
     * Takes a due schedule for this node: a single conditional update, so that of two nodes looking
     * at once only one runs it.
     */
    boolean claim(long id, String node, Instant now) {
        return em.createQuery("update ScheduledCommit s set s.state = 'running', s.node = :node, s.startedAt = :now"
                        + " where s.id = :id and s.state = 'scheduled'")
                .setParameter("node", node).setParameter("now", now).setParameter("id", id).executeUpdate() == 1;
    }
}
