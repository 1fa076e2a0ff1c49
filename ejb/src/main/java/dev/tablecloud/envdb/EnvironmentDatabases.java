package dev.tablecloud.envdb;

import dev.tablecloud.controldb.ControlDatabase;
import dev.tablecloud.controldb.ControlDatabaseSettings;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.failure.ServerSetupException;
import dev.tablecloud.module.SqlNames;
import dev.tablecloud.secret.SecretBox;
import org.flywaydb.core.api.FlywayException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Creates environment databases and opens connections to them, as the engine or as a user. */
@Stateless
public class EnvironmentDatabases {

    /** Keeps one runaway statement of a user from holding a connection for ever. */
    static final int USER_STATEMENT_TIMEOUT_MILLIS = 60_000;

    /** Databases whose platform objects this server has brought up to date since it started. */
    private static final Set<String> UPGRADED = ConcurrentHashMap.newKeySet();

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    ControlDatabase controlDatabase;

    /**
     * Creates the database of a new environment on its database server (null: the control
     * database's). Called inside the transaction that stores the environment: if this fails, the
     * environment is not stored.
     */
    public EnvironmentDatabaseLocation createFor(long environmentId, String environmentName, String defaultRegion,
                                                 String databaseServer) {
        SecretBox secrets = SecretBox.ofServer();
        var control = controlDatabase.settings();
        // Another server is reached with the control database's login.
        var server = databaseServer == null ? control
                : new ControlDatabaseSettings(databaseServer, control.user(), control.password());
        var location = EnvironmentDatabaseLocation.forEnvironment(environmentName, server.url());
        String password = SecretBox.randomPassword();
        new EnvironmentDatabaseProvisioner(server).create(location, password, defaultRegion);
        em.persist(new EnvironmentDatabase(environmentId, location, secrets.encrypt(password)));
        return location;
    }

    /**
     * Drops an environment's database and its roles, on the server it was created on. Never touches
     * the cloud. Sessions still connected to it are ended: the environment is gone.
     */
    public void drop(EnvironmentDatabaseLocation location, String databaseServer) {
        var control = controlDatabase.settings();
        var server = databaseServer == null ? control
                : new ControlDatabaseSettings(databaseServer, control.user(), control.password());
        try {
            new EnvironmentDatabaseProvisioner(server).drop(location);
        } catch (SQLException e) {
            throw new ServerSetupException("Dropping database '" + location.databaseName() + "' failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A connection as the environment's restricted role, acting for the given application user:
     * the audit log names them as the actor of every change made through it.
     */
    public Connection openAsUser(String environmentName, String actor) throws SQLException {
        String secret;
        try (Connection engine = openAsEngine(environmentName)) {
            secret = ActorSignature.secret(engine);
        }
        Connection connection = openAsUser(environmentName);
        try (PreparedStatement set = connection.prepareStatement("select set_config('tablecloud.actor', ?, false)")) {
            set.setString(1, ActorSignature.signed(secret, actor));
            set.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The failure to report when an environment's database does not answer as it should. */
    public static ServerSetupException unreachable(String environmentName, SQLException e) {
        return new ServerSetupException("The database of environment '" + environmentName + "' cannot be reached: "
                + e.getMessage(), e);
    }

    /** A connection as the environment's restricted role: what users' SQL runs as. */
    public Connection openAsUser(String environmentName) throws SQLException {
        EnvironmentDatabase database = find(environmentName);
        var location = database.location();
        Properties properties = new Properties();
        properties.setProperty("user", location.userRole());
        properties.setProperty("password", SecretBox.ofServer().decrypt(database.userPasswordEncrypted()));
        properties.setProperty("options", "-c statement_timeout=" + USER_STATEMENT_TIMEOUT_MILLIS);
        properties.setProperty("ApplicationName", "tablecloud-sql");
        return new org.postgresql.Driver().connect(location.jdbcUrl(), properties);
    }

    /** A connection as the environment's engine role. */
    public Connection openAsEngine(String environmentName) throws SQLException {
        var location = find(environmentName).location();
        var provisioner = new EnvironmentDatabaseProvisioner(controlDatabase.settings());
        upgradeOnce(provisioner, location);
        return provisioner.openAsEngine(location);
    }

    /**
     * A database created by an earlier version of Tablecloud gets the platform objects of this one
     * (new iasql_* functions, the transaction table) the first time this server opens it.
     */
    private static void upgradeOnce(EnvironmentDatabaseProvisioner provisioner, EnvironmentDatabaseLocation location)
            throws SQLException {
        if (UPGRADED.contains(location.jdbcUrl())) {
            return;
        }
        try {
            provisioner.migratePlatform(location);
        } catch (FlywayException e) {
            throw new SQLException("Upgrading the platform objects of database '" + location.databaseName()
                    + "' failed: " + e.getMessage(), e);
        }
        UPGRADED.add(location.jdbcUrl());
    }

    public EnvironmentDatabaseLocation location(String environmentName) {
        return find(environmentName).location();
    }

    private EnvironmentDatabase find(String environmentName) {
        return em.createQuery("select d from EnvironmentDatabase d where d.databaseName = :name",
                        EnvironmentDatabase.class)
                .setParameter("name", environmentName)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Environment '" + environmentName + "' has no database."));
    }
}
