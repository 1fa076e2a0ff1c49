package dev.tablecloud.webhook;

/**
 * A delivery ready to be posted: what the sender needs of it and of its webhook.
 *
 * @param secret the webhook's secret in clear: held in memory only while the delivery is under way
 */
public record Outgoing(long deliveryId, String url, String secret, String kind) {

    @Override
    public String toString() {
        return "delivery " + deliveryId + " of " + kind + " to " + url;
    }
}
