package dev.tablecloud.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One event posted, or being posted, to one webhook.
 *
 * @param id          also sent to the receiver as {@code X-Tablecloud-Delivery}
 * @param eventId     the review history entry's id, or the drift run's: the same for every webhook the event
 *                    went to
 * @param reviewId    the review it concerns; null for a drift event
 * @param status      {@code pending} (attempts still to come), {@code delivered} or {@code failed}
 * @param attempts    how many attempts were made so far
 * @param attemptLog  each attempt, in order
 */
public record DeliveryData(long id, long eventId, String kind, Long reviewId, String url, String status,
                           int attempts, Integer lastHttpStatus, String lastError, Instant createdAt,
                           Instant lastAttemptAt, Instant finishedAt, List<AttemptData> attemptLog) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
