package dev.tablecloud.webhook;

import dev.tablecloud.drift.DriftFound;
import dev.tablecloud.failure.ServerSetupException;
import dev.tablecloud.review.ReviewEvent;
import dev.tablecloud.secret.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliveries of events in the control database, written as they go. The engine's own work on
 * behalf of a review already checked: only {@link WebhookDispatcher} calls it, with no caller.
 */
@Stateless
public class DeliveryRecords {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    /**
     * One pending delivery for each webhook of the event's environment that wants its kind. A
     * webhook whose secret cannot be read (the server's key was changed) gets a failed delivery
     * that says so, rather than an unsigned post or none.
     */
    public List<Outgoing> open(ReviewEvent event) {
        return open(event.environment(), event.id(), event.kind(), event.reviewId());
    }

    public List<Outgoing> open(DriftFound event) {
        return open(event.environment(), event.id(), DriftFound.KIND, null);
    }

    private List<Outgoing> open(String environment, long eventId, String kind, Long reviewId) {
        List<Webhook> webhooks = em.createQuery("select w from Webhook w where w.environmentName = :environment"
                        + " order by w.position", Webhook.class)
                .setParameter("environment", environment).getResultList();
        List<Outgoing> outgoing = new ArrayList<>();
        Instant now = Instant.now();
        for (Webhook webhook : webhooks) {
            if (!WebhookRules.wants(webhook.events(), kind)) {
                continue;
            }
            WebhookDelivery delivery = new WebhookDelivery(environment, webhook, eventId, kind, reviewId, now);
            em.persist(delivery);
            try {
                outgoing.add(new Outgoing(delivery.id(), webhook.url(), SecretBox.ofServer()
                        .decrypt(webhook.secretEncrypted()), kind));
            } catch (ServerSetupException unreadable) {
                delivery.attempted(new AttemptData(0, now, 0, null, unreadable.getMessage()));
                delivery.finished(false, now);
            }
        }
        return outgoing;
    }

    public void attempted(long deliveryId, AttemptData attempt) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            return; // its environment was deleted meanwhile
        }
        em.persist(new WebhookAttempt(deliveryId, attempt));
        delivery.attempted(attempt);
    }

    public void finished(long deliveryId, boolean delivered) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery != null) {
            delivery.finished(delivered, Instant.now());
        }
    }
}
