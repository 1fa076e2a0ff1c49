package dev.tablecloud.controldb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens one plain JDBC connection, outside the connection pools, to learn whether the control
 * database answers. The pools log a stack trace for every failed connection; this says it in a
 * sentence instead.
 */
public final class ReachabilityProbe {

    private static final int TIMEOUT_SECONDS = 5;

    private ReachabilityProbe() {
    }

    /** Empty when the database answers, otherwise why it does not. */
    public static Optional<String> problemReaching(ControlDatabaseSettings settings) {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
        try (Connection connection = new org.postgresql.Driver().connect(settings.url(), properties)) {
            if (connection == null) {
                return Optional.of("not a PostgreSQL JDBC URL");
            }
            connection.createStatement().execute("select 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
