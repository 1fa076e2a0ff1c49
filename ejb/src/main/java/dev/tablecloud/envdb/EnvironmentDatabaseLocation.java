package dev.tablecloud.envdb;

import dev.tablecloud.secret.Digests;

/**
 * Where an environment's database is and which roles reach it.
 *
 * @param engineRole owner of the database and everything the engine creates in it (NOLOGIN; the
 *                   control database's login becomes it with SET ROLE)
 * @param userRole   the restricted login that users' SQL runs as
 */
public record EnvironmentDatabaseLocation(String databaseName, String jdbcUrl, String engineRole, String userRole) {

    /** Room for "tc_", the longest suffix ("_engine") and PostgreSQL's 63-byte identifiers. */
    private static final int MAX_NAME_IN_ROLE = 63 - "tc_".length() - "_engine".length();

    /**
     * Roles are named after the database, which is unique on its server; so are they, even when
     * several Tablecloud installations (each numbering its environments from 1) share a server.
     */
    static EnvironmentDatabaseLocation forEnvironment(String name, String clusterUrl) {
        String roles = "tc_" + (name.length() <= MAX_NAME_IN_ROLE ? name
                : name.substring(0, MAX_NAME_IN_ROLE - 9) + "_" + Digests.sha256Hex(name).substring(0, 8));
        return new EnvironmentDatabaseLocation(name, JdbcUrls.withDatabase(clusterUrl, name), roles + "_engine",
                roles + "_user");
    }
}
