package dev.tablecloud.promotion;

import dev.tablecloud.controldb.ControlDatabase;
import dev.tablecloud.controldb.ControlDatabaseReady;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;

import java.util.logging.Logger;

/**
 * When this node starts, the promotions it was running when it stopped become free at once, rather
 * than after their claim runs out; the next run of each rolls back what the dead one left. At start
 * if the control database is ready then, else when it becomes so.
 */
@Singleton
@Startup
@DependsOn("ControlDatabase")
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());

    @EJB
    ControlDatabase controlDatabase;

    @EJB
    PromotionRunner runner;

    @PostConstruct
    void atStart() {
        if (controlDatabase.isReady()) {
            release();
        }
    }

    public void onControlDatabaseReady(@Observes ControlDatabaseReady ready) {
        release();
    }

    private void release() {
        try {
            runner.releaseClaimsOfThisNode();
        } catch (RuntimeException e) {
            // The claims then run out on their own (PromotionSteps.CLAIM_LASTS).
            LOG.warning("Releasing this node's promotion claims failed: " + e);
        }
    }
}
