package dev.tablecloud.promotion;

import dev.tablecloud.review.ReviewEvent;
import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.security.Access;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.logging.Logger;

/**
 * Follows the reviews that promotion runs opened: the approval that makes one committable schedules
 * its commit into the target's next window (commit mode next-window), and its transaction's end
 * settles the run at once, so the promoted position moves without waiting for the job.
 */
@ApplicationScoped
public class PromotionCommits {

    private static final Logger LOG = Logger.getLogger(PromotionCommits.class.getName());

    @EJB
    PromotionSteps steps;

    @EJB
    PromotionRunner runner;

    @EJB
    ReviewQueryService reviews;

    @EJB
    Access access;

    @Resource
    ManagedExecutorService executor;

    /**
     * On the managed executor: after the recording transaction, this thread still carries it, ended,
     * and the beans called here could not enlist their own.
     */
    void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewEvent event) {
        ReviewEvent.Kind kind = ReviewEvent.Kind.ofLabel(event.kind());
        if (kind != ReviewEvent.Kind.APPROVED && kind != ReviewEvent.Kind.COMMITTED && kind != ReviewEvent.Kind.ROLLED_BACK) {
            return;
        }
        try {
            executor.execute(() -> follow(event, kind));
        } catch (RuntimeException e) {
            LOG.warning("Following review event " + event.id() + " (" + event.kind() + ") for promotions failed: " + e);
        }
    }

    private void follow(ReviewEvent event, ReviewEvent.Kind kind) {
        try {
            List<PromotionRunData> runs = steps.runsThatBegan(event.environment(), event.transactionId());
            for (PromotionRunData run : runs) {
                if (kind == ReviewEvent.Kind.APPROVED) {
                    scheduleOnceCommittable(run);
                } else {
                    runner.settle(run.promotionId());
                }
            }
        } catch (RuntimeException e) {
            // The job settles runs and a person can schedule the commit: the review's decision stands.
            LOG.warning("Following review event " + event.id() + " (" + event.kind() + ") for promotions failed: " + e);
        }
    }

    private void scheduleOnceCommittable(PromotionRunData run) {
        PromotionData promotion = steps.find(run.promotionId()).orElse(null);
        if (promotion == null || run.reviewId() == null || !promotion.commit().equals(PromotionData.NEXT_WINDOW)) {
            return;
        }
        access.onBehalfOf(promotion.createdBy(), () -> {
            var review = reviews.get(promotion.target(), run.reviewId());
            if (review.committable()) {
                runner.commitOnceApproved(promotion, review);
            }
            return null;
        });
    }
}
