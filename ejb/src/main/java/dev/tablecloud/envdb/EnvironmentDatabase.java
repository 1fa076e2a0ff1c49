package dev.tablecloud.envdb;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "environment_database")
class EnvironmentDatabase {

    @Id
    @Column(name = "environment_id")
    private Long environmentId;

    @Column(name = "database_name", nullable = false)
    private String databaseName;

    @Column(name = "jdbc_url", nullable = false)
    private String jdbcUrl;

    @Column(name = "engine_role", nullable = false)
    private String engineRole;

    @Column(name = "user_role", nullable = false)
    private String userRole;

    @Column(name = "user_password_encrypted", nullable = false)
    private String userPasswordEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EnvironmentDatabase() {
    }

    EnvironmentDatabase(long environmentId, EnvironmentDatabaseLocation location, String userPasswordEncrypted) {
        this.environmentId = environmentId;
        this.databaseName = location.databaseName();
        this.jdbcUrl = location.jdbcUrl();
        this.engineRole = location.engineRole();
        this.userRole = location.userRole();
        this.userPasswordEncrypted = userPasswordEncrypted;
        this.createdAt = Instant.now();
    }

    EnvironmentDatabaseLocation location() {
        return new EnvironmentDatabaseLocation(databaseName, jdbcUrl, engineRole, userRole);
    }

    String userPasswordEncrypted() {
        return userPasswordEncrypted;
    }
}
