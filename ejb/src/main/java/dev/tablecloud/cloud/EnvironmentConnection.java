package dev.tablecloud.cloud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "environment_connection")
class EnvironmentConnection {

    @Id
    @Column(name = "environment_name")
    private String environmentName;

    @Column(name = "credentials_type", nullable = false)
    private String credentialsType;

    @Column(name = "access_key_id")
    private String accessKeyId;

    @Column(name = "secret_access_key_encrypted")
    private String secretAccessKeyEncrypted;

    @Column(name = "role_arn")
    private String roleArn;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EnvironmentConnection() {
    }

    EnvironmentConnection(String environmentName) {
        this.environmentName = environmentName;
    }

    void set(ConnectionSettings settings, String secretAccessKeyEncrypted) {
        this.credentialsType = settings.credentialsType();
        this.accessKeyId = settings.accessKeyId();
        this.secretAccessKeyEncrypted = secretAccessKeyEncrypted;
        this.roleArn = settings.roleArn();
        this.externalId = settings.externalId();
        this.updatedAt = Instant.now();
    }

    /** What may be shown: never the secret. */
    ConnectionSettings shown() {
        return new ConnectionSettings(credentialsType, accessKeyId, null, roleArn, externalId);
    }

    String credentialsType() {
        return credentialsType;
    }

    String accessKeyId() {
        return accessKeyId;
    }

    String secretAccessKeyEncrypted() {
        return secretAccessKeyEncrypted;
    }

    String roleArn() {
        return roleArn;
    }

    String externalId() {
        return externalId;
    }
}
