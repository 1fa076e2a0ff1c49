package dev.tablecloud.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A token row of the control database. Only this package touches it. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiToken() {
    }

    ApiToken(String userName, String name, String secretHash, String prefix, Instant createdAt, Instant expiresAt) {
        this.userName = userName;
        this.name = name;
        this.secretHash = secretHash;
        this.prefix = prefix;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    Long id() {
        return id;
    }

    String userName() {
        return userName;
    }

    TokenState state(Instant now) {
        return TokenState.of(expiresAt, revokedAt, now);
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    TokenData toData(Instant now) {
        return new TokenData(id, userName, name, prefix, createdAt, expiresAt, lastUsedAt, revokedAt,
                state(now).label());
    }
}
