package dev.tablecloud.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A delivery row of the control database: one event to one webhook. Only this package touches it. */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    static final int MAX_ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "environment_name", nullable = false)
    private String environmentName;

    @Column(name = "webhook_id")
    private Long webhookId;

    @Column(nullable = false)
    private String url;

    @Column(name = "event_id", nullable = false)
    private long eventId;

    @Column(name = "event_kind", nullable = false)
    private String eventKind;

    @Column(name = "review_id")
    private Long reviewId;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_http_status")
    private Integer lastHttpStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String environmentName, Webhook webhook, long eventId, String eventKind, Long reviewId,
                    Instant createdAt) {
        this.environmentName = environmentName;
        this.webhookId = webhook.id();
        this.url = webhook.url();
        this.eventId = eventId;
        this.eventKind = eventKind;
        this.reviewId = reviewId;
        this.status = DeliveryData.PENDING;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    void attempted(AttemptData attempt) {
        attempts = Math.max(attempts, attempt.number());
        lastHttpStatus = attempt.httpStatus();
        lastError = shortened(attempt.error());
        lastAttemptAt = attempt.startedAt();
    }

    void finished(boolean delivered, Instant at) {
        status = delivered ? DeliveryData.DELIVERED : DeliveryData.FAILED;
        finishedAt = at;
    }

    DeliveryData toData(List<AttemptData> attemptLog) {
        return new DeliveryData(id, eventId, eventKind, reviewId, url, status, attempts, lastHttpStatus, lastError,
                createdAt, lastAttemptAt, finishedAt, attemptLog);
    }

    static String shortened(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error
                : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
