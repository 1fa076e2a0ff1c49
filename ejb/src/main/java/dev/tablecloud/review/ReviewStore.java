package dev.tablecloud.review;

import dev.tablecloud.failure.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * The review rows of the control database, for the use cases of this package, in the container
 * transaction of the bean that uses it.
 */
@Dependent
class ReviewStore {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @Inject
    Event<ReviewEvent> events;

    /** The policy in force (no row: the default). */
    ReviewPolicyData policy(String environment) {
        ReviewPolicy kept = em.find(ReviewPolicy.class, environment);
        return kept == null ? ReviewPolicyData.DEFAULT : kept.toData();
    }

    void keepPolicy(String environment, ReviewPolicyData policy) {
        ReviewPolicy kept = em.find(ReviewPolicy.class, environment);
        if (kept == null) {
            kept = new ReviewPolicy(environment);
            kept.set(policy);
            em.persist(kept);
        } else {
            kept.set(policy);
        }
    }

    void persist(Object row) {
        em.persist(row);
    }

    void flush() {
        em.flush();
    }

    Review review(String environment, long id) {
        Review review = em.find(Review.class, id);
        if (review == null || !review.environmentName.equals(environment)) {
            throw new NotFoundException("Environment '" + environment + "' has no review " + id + ".");
        }
        return review;
    }

    /** A review by its id alone (ids are global), or empty. */
    Optional<Review> review(long id) {
        return Optional.ofNullable(em.find(Review.class, id));
    }

    Optional<Review> openReviewOf(String environment, long transactionId) {
        return em.createQuery("select r from Review r where r.environmentName = :environment"
                        + " and r.transactionId = :transaction and r.state = :open", Review.class)
                .setParameter("environment", environment).setParameter("transaction", transactionId)
                .setParameter("open", Review.OPEN).getResultStream().findFirst();
    }

    /** The newest first, at most 200; of one environment, or of all (environment null). */
    List<Review> reviews(String environment, boolean open) {
        var query = em.createQuery("select r from Review r where r.state " + (open ? "=" : "<>") + " :open"
                + (environment == null ? "" : " and r.environmentName = :environment") + " order by r.id desc", Review.class)
                .setParameter("open", Review.OPEN);
        if (environment != null) {
            query.setParameter("environment", environment);
        }
        return query.setMaxResults(200).getResultList();
    }

    List<ReviewRevision> revisions(Review review) {
        return em.createQuery("select r from ReviewRevision r where r.reviewId = :review order by r.number",
                ReviewRevision.class).setParameter("review", review.id).getResultList();
    }

    ReviewRevision current(Review review) {
        List<ReviewRevision> revisions = revisions(review);
        return revisions.get(revisions.size() - 1);
    }

    List<ReviewDecision> decisions(Review review) {
        return em.createQuery("select d from ReviewDecision d where d.reviewId = :review order by d.id",
                ReviewDecision.class).setParameter("review", review.id).getResultList();
    }

    List<ReviewComment> comments(Review review) {
        return em.createQuery("select c from ReviewComment c where c.reviewId = :review order by c.id",
                ReviewComment.class).setParameter("review", review.id).getResultList();
    }

    List<ReviewHistoryEntry> history(Review review) {
        return em.createQuery("select e from ReviewHistoryEntry e where e.reviewId = :review order by e.id",
                ReviewHistoryEntry.class).setParameter("review", review.id).getResultList();
    }

    boolean recorded(Review review, ReviewEvent.Kind kind, int revision) {
        return history(review).stream().anyMatch(entry -> entry.kind.equals(kind.label())
                && entry.revision != null && entry.revision == revision);
    }

    /** Writes the history entry and announces it (observers that send it out wait for the commit). */
    ReviewEvent record(Review review, ReviewEvent.Kind kind, String actor, Integer revision, String detail) {
        ReviewHistoryEntry entry = new ReviewHistoryEntry(review.id, kind, actor, revision, detail);
        em.persist(entry);
        em.flush();
        ReviewEvent event = event(review, entry);
        events.fire(event);
        return event;
    }

    static ReviewEvent event(Review review, ReviewHistoryEntry entry) {
        return new ReviewEvent(entry.id, review.environmentName, review.id, review.transactionId, entry.kind,
                entry.actor, entry.revision, entry.detail, entry.happenedAt);
    }
}
