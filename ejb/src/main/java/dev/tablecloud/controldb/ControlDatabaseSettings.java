package dev.tablecloud.controldb;

/**
 * Where the control database is. The server configuration (config/wildfly/configure.cli) turns the
 * TABLECLOUD_DB_* environment variables into these system properties, which the datasources use too.
 */
public record ControlDatabaseSettings(String url, String user, String password) {

    public static ControlDatabaseSettings fromSystemProperties() {
        return new ControlDatabaseSettings(
                System.getProperty("tablecloud.db.url", "(tablecloud.db.url is not set)"),
                System.getProperty("tablecloud.db.user"),
                System.getProperty("tablecloud.db.password"));
    }
}
