package dev.tablecloud.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;

/** A webhook row of the control database. Only this package touches it. */
@Entity
@Table(name = "webhook")
class Webhook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "environment_name", nullable = false)
    private String environmentName;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String url;

    @Column(name = "secret_encrypted", nullable = false)
    private String secretEncrypted;

    /** Comma-separated labels; null for every event. */
    private String events;

    protected Webhook() {
    }

    Webhook(String environmentName, String url) {
        this.environmentName = environmentName;
        this.url = url;
    }

    /** @param secretEncrypted the new secret, sealed; null keeps the stored one */
    void set(int position, List<String> events, String secretEncrypted) {
        this.position = position;
        this.events = events.isEmpty() ? null : String.join(",", events);
        if (secretEncrypted != null) {
            this.secretEncrypted = secretEncrypted;
        }
    }

    Long id() {
        return id;
    }

    String url() {
        return url;
    }

    String secretEncrypted() {
        return secretEncrypted;
    }

    List<String> events() {
        return events == null ? List.of() : Arrays.asList(events.split(","));
    }

    WebhookData shown() {
        return new WebhookData(url, WebhookData.SECRET_SET, events());
    }
}
