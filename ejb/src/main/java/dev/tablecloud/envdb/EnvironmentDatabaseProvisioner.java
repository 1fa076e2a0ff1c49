package dev.tablecloud.envdb;

import dev.tablecloud.controldb.ControlDatabaseSettings;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.ServerSetupException;
import dev.tablecloud.module.ModuleInstaller;
import dev.tablecloud.module.SqlNames;
import dev.tablecloud.module.awsaccount.AwsAccountModule;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Creates and drops environment databases in the control database's cluster, with the login of
 * the control database (which needs CREATEDB and CREATEROLE). CREATE DATABASE cannot run inside a
 * transaction, so this works on plain autocommit connections and undoes its own partial work.
 */
public final class EnvironmentDatabaseProvisioner {

    private static final Logger LOG = Logger.getLogger(EnvironmentDatabaseProvisioner.class.getName());

    private final ControlDatabaseSettings cluster;

    public EnvironmentDatabaseProvisioner(ControlDatabaseSettings cluster) {
        this.cluster = cluster;
    }

    /**
     * Creates the roles and the database, and installs the platform objects and the aws_account
     * module (without reading the cloud: creating an environment must not depend on its account
     * being reachable; the first sync fills the regions).
     */
    public void create(EnvironmentDatabaseLocation location, String userPassword, String defaultRegion) {
        try (Connection admin = connect(cluster.url())) {
            if (databaseExists(admin, location.databaseName())) {
                throw new AlreadyExistsException("PostgreSQL already has a database named '" + location.databaseName()
                        + "', so an environment of that name cannot have its own; choose another name.");
            }
            try (Statement sql = admin.createStatement()) {
                sql.execute("create role " + SqlNames.quote(location.engineRole()) + " nologin");
                // Membership lets the control login create the database for this owner and SET ROLE to it.
                sql.execute("grant " + SqlNames.quote(location.engineRole()) + " to current_user");
                sql.execute("create role " + SqlNames.quote(location.userRole()) + " login nosuperuser nocreatedb nocreaterole"
                        + " noinherit connection limit 50 password " + SqlNames.literal(userPassword));
                sql.execute("create database " + SqlNames.quote(location.databaseName()) + " owner "
                        + SqlNames.quote(location.engineRole()));
                sql.execute("revoke all on database " + SqlNames.quote(location.databaseName()) + " from public");
                sql.execute("grant connect, temporary on database " + SqlNames.quote(location.databaseName()) + " to "
                        + SqlNames.quote(location.userRole()));
            }
            migratePlatform(location);
            installAccountModule(location, defaultRegion);
        } catch (SQLException | RuntimeException e) {
            if (!(e instanceof AlreadyExistsException)) {
                dropQuietly(location);
            }
            if (e instanceof AlreadyExistsException exists) {
                throw exists;
            }
            throw new ServerSetupException("Creating the database '" + location.databaseName() + "' failed: "
                    + e.getMessage() + " (the control database login needs CREATEDB and CREATEROLE)", e);
        }
    }

    /** Brings the platform objects of an environment database to the current version. */
    public void migratePlatform(EnvironmentDatabaseLocation location) {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(location.jdbcUrl(), cluster.user(), cluster.password())
                .initSql("set role " + SqlNames.quote(location.engineRole()))
                .locations("classpath:db/environment")
                .table("iasql_platform_version")
                .placeholders(Map.of(
                        "engine_role", SqlNames.quote(location.engineRole()),
                        "engine_role_name", location.engineRole(),
                        "user_role", SqlNames.quote(location.userRole())))
                .load()
                .migrate();
    }

    private void installAccountModule(EnvironmentDatabaseLocation location, String defaultRegion)
            throws SQLException {
        try (Connection engine = openAsEngine(location)) {
            engine.setAutoCommit(false);
            new ModuleInstaller(engine, location.userRole())
                    .create(List.of(AwsAccountModule.definition()), defaultRegion);
            engine.commit();
        }
    }

    /** Drops the database and its roles. Never touches the cloud. */
    public void drop(EnvironmentDatabaseLocation location) throws SQLException {
        try (Connection admin = connect(cluster.url()); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + SqlNames.quote(location.databaseName()) + " with (force)");
            sql.execute("drop role if exists " + SqlNames.quote(location.userRole()));
            sql.execute("drop role if exists " + SqlNames.quote(location.engineRole()));
        }
    }

    private void dropQuietly(EnvironmentDatabaseLocation location) {
        try {
            drop(location);
        } catch (SQLException e) {
            LOG.warning("Cleaning up the half-created database '" + location.databaseName() + "' failed: "
                    + e.getMessage());
        }
    }

    /** A connection to the environment database as its engine role (the login becomes it with SET ROLE). */
    public Connection openAsEngine(EnvironmentDatabaseLocation location) throws SQLException {
        Connection connection = connect(location.jdbcUrl());
        try (Statement sql = connection.createStatement()) {
            sql.execute("set role " + SqlNames.quote(location.engineRole()));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", cluster.user());
        properties.setProperty("password", cluster.password());
        properties.setProperty("ApplicationName", "tablecloud-engine");
        return new org.postgresql.Driver().connect(url, properties);
    }

    private static boolean databaseExists(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            return query.executeQuery().next();
        }
    }
}
