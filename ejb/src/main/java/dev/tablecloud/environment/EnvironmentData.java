package dev.tablecloud.environment;

/**
 * An environment as the outside sees it, and the JSON form of the API:
 * {@code {"name", "description", "awsDefaultRegion", "awsEndpoint", "databaseServer"}}.
 *
 * @param awsEndpoint    endpoint override for an emulator (moto, LocalStack); null for real AWS
 * @param databaseServer JDBC URL of the PostgreSQL server that holds the environment's database;
 *                       null for the control database's server
 */
public record EnvironmentData(String name, String description, String awsDefaultRegion, String awsEndpoint,
                              String databaseServer) {
}
