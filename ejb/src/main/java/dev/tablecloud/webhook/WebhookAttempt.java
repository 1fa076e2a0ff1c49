package dev.tablecloud.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An attempt row of the control database: one try at posting a delivery. Only this package touches it. */
@Entity
@Table(name = "webhook_attempt")
class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private long deliveryId;

    @Column(nullable = false)
    private int number;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(nullable = false)
    private long millis;

    @Column(name = "http_status")
    private Integer httpStatus;

    private String error;

    protected WebhookAttempt() {
    }

    WebhookAttempt(long deliveryId, AttemptData attempt) {
        this.deliveryId = deliveryId;
        this.number = attempt.number();
        this.startedAt = attempt.startedAt();
        this.millis = attempt.millis();
        this.httpStatus = attempt.httpStatus();
        this.error = WebhookDelivery.shortened(attempt.error());
    }

    long deliveryId() {
        return deliveryId;
    }

    AttemptData toData() {
        return new AttemptData(number, startedAt, millis, httpStatus, error);
    }
}
