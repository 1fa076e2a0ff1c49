package dev.tablecloud.environment;

/**
 * What deleting an environment did.
 *
 * @param database        the environment database's name
 * @param databaseDropped false when the database was kept on its server
 */
public record DeletedEnvironment(String name, String database, boolean databaseDropped) {
}
