package dev.tablecloud.webhook;

import dev.tablecloud.drift.DriftFound;
import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.review.ReviewEvent;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;

/**
 * The JSON body of a delivery: a review event as the review history has it and where to look at
 * the review, or a drift event with its counts and where to look at the drift.
 */
final class WebhookPayload {

    private WebhookPayload() {
    }

    /** The exact bytes that are posted and signed: every webhook of the event gets the same ones. */
    static byte[] of(ReviewEvent event) {
        JsonObjectBuilder body = JsonDocuments.PROVIDER.createObjectBuilder()
                .add("id", event.id())
                .add("kind", event.kind())
                .add("environment", event.environment())
                .add("reviewId", event.reviewId())
                .add("review", "/reviews/" + event.reviewId())
                .add("transactionId", event.transactionId());
        text(body, "actor", event.actor());
        if (event.revision() == null) {
            body.addNull("revision");
        } else {
            body.add("revision", event.revision());
        }
        text(body, "detail", event.detail());
        text(body, "at", event.at() == null ? null : event.at().toString());
        return body.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] of(DriftFound event) {
        JsonObjectBuilder body = JsonDocuments.PROVIDER.createObjectBuilder()
                .add("id", event.id())
                .add("kind", DriftFound.KIND)
                .add("environment", event.environment())
                .add("drift", event.page())
                .add("appeared", event.appeared())
                .add("changed", event.changed())
                .add("vanished", event.vanished());
        text(body, "foundBy", event.foundBy());
        text(body, "at", event.at() == null ? null : event.at().toString());
        return body.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void text(JsonObjectBuilder body, String name, String value) {
        if (value == null) {
            body.addNull(name);
        } else {
            body.add(name, value);
        }
    }
}
