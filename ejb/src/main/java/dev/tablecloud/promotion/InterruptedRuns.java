package dev.tablecloud.promotion;

import dev.tablecloud.controldb.ControlDatabaseReady;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.logging.Logger;

/**
 * When this node starts, the promotions it was running when it stopped become free at once, rather
 * than after their claim runs out; the next run of each rolls back what the dead one left.
 */
@ApplicationScoped
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());

    @EJB
    PromotionRunner runner;

    void atStart(@Observes ControlDatabaseReady ready) {
        try {
            runner.releaseClaimsOfThisNode();
        } catch (RuntimeException e) {
            // The claims then run out on their own (PromotionSteps.CLAIM_LASTS).
            LOG.warning("Releasing this node's promotion claims failed: " + e);
        }
    }
}
