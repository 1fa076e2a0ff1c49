package dev.tablecloud.promotion;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The promotions and their runs in the control database, in the caller's container transaction. */
@Dependent
class PromotionStore {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    void persist(Object row) {
        em.persist(row);
        em.flush();
    }

    void remove(Promotion promotion) {
        em.remove(promotion);
    }

    Optional<Promotion> find(long id) {
        return Optional.ofNullable(em.find(Promotion.class, id));
    }

    List<Promotion> all() {
        return em.createQuery("select p from Promotion p order by p.id", Promotion.class).getResultList();
    }

    Optional<PromotionRun> run(long id) {
        return Optional.ofNullable(em.find(PromotionRun.class, id));
    }

    List<PromotionRun> runs(long promotionId, int limit) {
        return em.createQuery("select r from PromotionRun r where r.promotionId = :promotion order by r.id desc",
                        PromotionRun.class)
                .setParameter("promotion", promotionId).setMaxResults(limit).getResultList();
    }

    Optional<PromotionRun> lastRun(long promotionId) {
        return runs(promotionId, 1).stream().findFirst();
    }

    /** Its runs whose target transaction is still to be committed or rolled back, oldest first. */
    List<PromotionRun> outstanding(long promotionId) {
        return em.createQuery("select r from PromotionRun r where r.promotionId = :promotion and r.settled is null"
                        + " and r.targetTransactionId is not null and r.outcome in :waiting order by r.id", PromotionRun.class)
                .setParameter("promotion", promotionId)
                .setParameter("waiting", List.of(PromotionRunData.PROMOTED, PromotionRunData.CONFLICT))
                .getResultList();
    }

    List<Long> withOutstandingRuns() {
        return em.createQuery("select distinct r.promotionId from PromotionRun r where r.settled is null"
                        + " and r.targetTransactionId is not null and r.outcome in :waiting", Long.class)
                .setParameter("waiting", List.of(PromotionRunData.PROMOTED, PromotionRunData.CONFLICT))
                .getResultList();
    }

    /** The runs that began the transaction of the environment, with their promotions (at most one, in practice). */
    List<Object[]> runsThatBegan(String environment, long transactionId) {
        return em.createQuery("select r, p from PromotionRun r, Promotion p where r.promotionId = p.id"
                        + " and p.target = :environment and r.targetTransactionId = :transaction", Object[].class)
                .setParameter("environment", environment).setParameter("transaction", transactionId)
                .getResultList();
    }

    /** Runs still marked running: while the promotion is claimed by another run, their node stopped mid-run. */
    List<PromotionRun> running(long promotionId) {
        return em.createQuery("select r from PromotionRun r where r.promotionId = :promotion and r.outcome = :running"
                        + " order by r.id", PromotionRun.class)
                .setParameter("promotion", promotionId).setParameter("running", PromotionRunData.RUNNING)
                .getResultList();
    }

    /** Ends the claims a node holds: at its start, it runs nothing yet, so any it holds died with it. */
    int releaseClaimsOf(String node) {
        return em.createNativeQuery("update promotion set running_on = null, running_since = null where running_on = ?1")
                .setParameter(1, node).executeUpdate();
    }

    List<Long> due(Instant now) {
        return em.createQuery("select p.id from Promotion p where p.paused = false and p.nextRunAt <= :now"
                        + " order by p.nextRunAt", Long.class)
                .setParameter("now", now).getResultList();
    }

    /**
     * Takes the promotion for a run by one conditional update, so that of two nodes (or a person and
     * the job) only one runs it; a claim older than {@code staleBefore} belonged to a node that died.
     */
    boolean claim(long id, String node, Instant now, Instant staleBefore) {
        return em.createNativeQuery("update promotion set running_on = ?1, running_since = ?2 where id = ?3"
                        + " and (running_on is null or running_since < ?4)")
                .setParameter(1, node).setParameter(2, now).setParameter(3, id).setParameter(4, staleBefore)
                .executeUpdate() == 1;
    }
}
