package dev.tablecloud.envdb;

/**
 * Where an environment's database is and which roles reach it.
 *
 * @param engineRole owner of the database and everything the engine creates in it (NOLOGIN; the
 *                   control database's login becomes it with SET ROLE)
 * @param userRole   the restricted login that users' SQL runs as
 */
public record EnvironmentDatabaseLocation(String databaseName, String jdbcUrl, String engineRole, String userRole) {

    static EnvironmentDatabaseLocation forEnvironment(long environmentId, String name, String clusterUrl) {
        String roles = "tc_env" + environmentId;
        return new EnvironmentDatabaseLocation(name, JdbcUrls.withDatabase(clusterUrl, name), roles + "_engine",
                roles + "_user");
    }
}
