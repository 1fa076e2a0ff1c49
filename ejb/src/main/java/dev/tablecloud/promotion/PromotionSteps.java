package dev.tablecloud.promotion;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The promotion runner's steps on the control database, each committed on its own: the claim must
 * be visible to other nodes before the run starts, and each outcome kept whatever comes after.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PromotionSteps {

    /**
     * Longer than a run takes: a claim this old belonged to a node that stopped mid-run. Should a
     * slow run outlast it, a second run is still harmless: the target holds one open transaction at
     * a time, so it finds the first run's and skips.
     */
    static final Duration CLAIM_LASTS = Duration.ofMinutes(3);

    @Inject
    PromotionStore store;

    /** The promotion, now claimed by this node; empty when it is gone or running elsewhere. */
    public Optional<PromotionData> claim(long id, String node, Instant now) {
        if (store.find(id).isEmpty() || !store.claim(id, node, now, now.minus(CLAIM_LASTS))) {
            return Optional.empty();
        }
        return find(id);
    }

    /** Ends the claim; a run the schedule started sets when the schedule runs it next. */
    public void release(long id, boolean scheduled, Instant now) {
        store.find(id).ifPresent(promotion -> {
            promotion.runningOn = null;
            promotion.runningSince = null;
            if (scheduled) {
                promotion.nextRunAt = promotion.schedule().nextAfter(now).orElse(null);
            }
        });
    }

    public Optional<PromotionData> find(long id) {
        return store.find(id).map(promotion -> promotion.toData(null));
    }

    /** The runs of the promotion whose node stopped during them (the caller holds the claim now). */
    public List<PromotionRunData> interrupted(long promotionId) {
        Promotion promotion = store.find(promotionId).orElseThrow();
        return store.running(promotionId).stream().map(run -> run.toData(promotion)).toList();
    }

    public int releaseClaimsOf(String node) {
        return store.releaseClaimsOf(node);
    }

    public List<Long> due(Instant now) {
        return store.due(now);
    }

    public List<Long> withOutstandingRuns() {
        return store.withOutstandingRuns();
    }

    public List<PromotionRunData> outstanding(long promotionId) {
        Promotion promotion = store.find(promotionId).orElseThrow();
        return store.outstanding(promotionId).stream().map(run -> run.toData(promotion)).toList();
    }

    public long start(long promotionId, String node, String startedBy, long fromPosition) {
        PromotionRun run = new PromotionRun(promotionId, node, startedBy, fromPosition, Instant.now());
        store.persist(run);
        return run.id;
    }

    /** Keeps what the run found before it changes the target, so a run cut short still says what it carried. */
    public void carrying(long runId, List<Long> sourceTransactions, List<String> sourceAuthors, long upTo, String script) {
        PromotionRun run = store.run(runId).orElseThrow();
        run.sourceTransactions = PromotionRun.joined(sourceTransactions);
        run.sourceAuthors = PromotionRun.joined(sourceAuthors);
        run.upToPosition = upTo;
        run.script = script;
    }

    public void began(long runId, long targetTransactionId) {
        store.run(runId).orElseThrow().targetTransactionId = targetTransactionId;
    }

    public PromotionRunData finish(long runId, String outcome, String message, Integer statementNumber, Long reviewId) {
        PromotionRun run = store.run(runId).orElseThrow();
        run.outcome = outcome;
        run.message = PromotionRun.clipped(message);
        run.statementNumber = statementNumber;
        run.reviewId = reviewId;
        run.finishedAt = Instant.now();
        if (outcome.equals(PromotionRunData.FAILED) && run.targetTransactionId != null) {
            // The runner rolled the target's transaction back: nothing of it is left to settle.
            run.settled = PromotionRunData.ROLLED_BACK;
            run.settledAt = run.finishedAt;
        }
        return run.toData(store.find(run.promotionId).orElseThrow());
    }

    /**
     * Records how the run's target transaction ended; a commit moves the promoted position to the
     * last source change it carried (never back, should runs settle out of order).
     */
    public void settle(long runId, String settled) {
        PromotionRun run = store.run(runId).orElseThrow();
        if (run.settled != null) {
            return;
        }
        run.settled = settled;
        run.settledAt = Instant.now();
        if (settled.equals(PromotionRunData.COMMITTED) && run.upToPosition != null) {
            store.find(run.promotionId).ifPresent(promotion ->
                    promotion.promotedPosition = Math.max(promotion.promotedPosition, run.upToPosition));
        }
    }

    /** The unsettled runs that began the environment's transaction, with their promotions. */
    public List<PromotionRunData> runsThatBegan(String environment, long transactionId) {
        return store.runsThatBegan(environment, transactionId).stream()
                .filter(pair -> ((PromotionRun) pair[0]).outstanding())
                .map(pair -> ((PromotionRun) pair[0]).toData((Promotion) pair[1])).toList();
    }
}
