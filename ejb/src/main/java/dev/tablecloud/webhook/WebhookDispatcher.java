package dev.tablecloud.webhook;

import dev.tablecloud.drift.DriftFound;
import dev.tablecloud.review.ReviewEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.net.http.HttpClient;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends each review event and each drift found to the webhooks that want it, once the database
 * transaction that recorded it has committed (an event of a rolled-back one never happened). The reviewer's thread only hands
 * the event to the managed executor: recording the deliveries and posting them happen there, and
 * no failure of theirs reaches the review.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    DeliveryRecords records;

    private WebhookSender sender;

    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewEvent event) {
        try {
            executor.execute(() -> deliver(event));
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Webhooks of review event " + event.id() + " (" + event.kind() + ") not sent: "
                    + failure, failure);
        }
    }

    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) DriftFound event) {
        try {
            executor.execute(() -> deliver(event));
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Webhooks of drift event " + event.id() + " not sent: " + failure, failure);
        }
    }

    private void deliver(DriftFound event) {
        try {
            byte[] body = WebhookPayload.of(event);
            for (Outgoing delivery : records.open(event)) {
                sender().send(delivery, body);
            }
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Webhooks of drift event " + event.id() + " not sent: " + failure, failure);
        }
    }

    private void deliver(ReviewEvent event) {
        try {
            byte[] body = WebhookPayload.of(event);
            for (Outgoing delivery : records.open(event)) {
                sender().send(delivery, body);
            }
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Webhooks of review event " + event.id() + " (" + event.kind() + ") not sent: "
                    + failure, failure);
        }
    }

    /** Made on first use, on the executor's thread, so that nothing of it can fail the reviewer's. */
    private synchronized WebhookSender sender() {
        if (sender == null) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(WebhookSender.CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(executor)
                    .build();
            sender = new WebhookSender(http, Backoff.ofServer(), scheduler, executor, new DeliveryLog() {
                @Override
                public void attempted(long deliveryId, AttemptData attempt) {
                    records.attempted(deliveryId, attempt);
                }

                @Override
                public void finished(long deliveryId, boolean delivered) {
                    records.finished(deliveryId, delivered);
                }
            });
        }
        return sender;
    }
}
