package dev.tablecloud.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An environment row of the control database. Only this package touches it. */
@Entity
@Table(name = "environment")
class Environment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 63)
    private String name;

    @Column(length = EnvironmentRules.MAX_DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "aws_default_region", nullable = false)
    private String awsDefaultRegion;

    @Column(name = "aws_endpoint")
    private String awsEndpoint;

    @Column(name = "database_server")
    private String databaseServer;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Environment() {
    }

    Environment(EnvironmentData data, Instant createdAt) {
        this.name = data.name();
        this.description = data.description();
        this.awsDefaultRegion = data.awsDefaultRegion();
        this.awsEndpoint = data.awsEndpoint();
        this.databaseServer = data.databaseServer();
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    EnvironmentData toData() {
        return new EnvironmentData(name, description, awsDefaultRegion, awsEndpoint, databaseServer);
    }
}
