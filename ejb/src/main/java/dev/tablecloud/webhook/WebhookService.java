package dev.tablecloud.webhook;

import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.secret.SecretBox;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Use cases on an environment's webhooks, for its admins only, reading included: a receiver's URL
 * often is its credential (chat and incident tools put a token in the path), so it is shown to no
 * one who could not change it anyway.
 */
@Stateless
public class WebhookService {

    static final int MAX_DELIVERIES_LISTED = 200;

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    /** The environment's webhooks in the order given, each secret shown as {@value WebhookData#SECRET_SET}. */
    public List<WebhookData> list(String environment) {
        mayManage(environment, "see the webhooks of environment '" + environment + "'");
        return stored(environment).stream().map(Webhook::shown).toList();
    }

    /**
     * All of the environment's webhooks at once; nothing changes if one is wrong. A webhook whose
     * URL the environment has already may leave its secret out to keep the stored one.
     */
    public List<WebhookData> replace(String environment, List<WebhookData> webhooks) {
        mayManage(environment, "change the webhooks of environment '" + environment + "'");
        Map<String, Webhook> kept = stored(environment).stream()
                .collect(Collectors.toMap(Webhook::url, Function.identity()));
        List<FieldError> errors = WebhookRules.errors(webhooks, kept.keySet());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SecretBox box = SecretBox.ofServer();
        List<Webhook> result = new ArrayList<>();
        for (int i = 0; i < webhooks.size(); i++) {
            WebhookData given = webhooks.get(i);
            Webhook webhook = kept.remove(given.url());
            if (webhook == null) {
                webhook = new Webhook(environment, given.url());
                webhook.set(i, WebhookRules.normalizedEvents(given.events()), box.encrypt(given.secret()));
                em.persist(webhook);
            } else {
                webhook.set(i, WebhookRules.normalizedEvents(given.events()),
                        given.secret() == null ? null : box.encrypt(given.secret()));
            }
            result.add(webhook);
        }
        kept.values().forEach(em::remove);
        em.flush();
        return result.stream().map(Webhook::shown).toList();
    }

    /** The environment's latest deliveries, newest first, each with its attempts. */
    public List<DeliveryData> deliveries(String environment, int limit) {
        mayManage(environment, "see the webhook deliveries of environment '" + environment + "'");
        if (limit < 1 || limit > MAX_DELIVERIES_LISTED) {
            throw new InvalidInputException(List.of(new FieldError("limit",
                    "List 1 to " + MAX_DELIVERIES_LISTED + " deliveries at once.")));
        }
        List<WebhookDelivery> deliveries = em.createQuery("select d from WebhookDelivery d"
                        + " where d.environmentName = :environment order by d.id desc", WebhookDelivery.class)
                .setParameter("environment", environment).setMaxResults(limit).getResultList();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AttemptData>> attempts = em.createQuery("select a from WebhookAttempt a"
                        + " where a.deliveryId in :ids order by a.deliveryId, a.number", WebhookAttempt.class)
                .setParameter("ids", deliveries.stream().map(WebhookDelivery::id).toList())
                .getResultStream()
                .collect(Collectors.groupingBy(WebhookAttempt::deliveryId,
                        Collectors.mapping(WebhookAttempt::toData, Collectors.toList())));
        return deliveries.stream()
                .map(delivery -> delivery.toData(attempts.getOrDefault(delivery.id(), List.of())))
                .toList();
    }

    private List<Webhook> stored(String environment) {
        return em.createQuery("select w from Webhook w where w.environmentName = :environment order by w.position",
                        Webhook.class)
                .setParameter("environment", environment).getResultList();
    }

    private void mayManage(String environment, String action) {
        environments.lookup(environment);
        access.require(environment, Role.ADMIN, action);
    }
}
