package dev.tablecloud.environment;

/**
 * An environment as the outside sees it, and the JSON form of the API:
 * {@code {"name", "description", "awsDefaultRegion", "awsEndpoint"}}.
 *
 * @param awsEndpoint endpoint override for an emulator (moto, LocalStack); null for real AWS
 */
public record EnvironmentData(String name, String description, String awsDefaultRegion, String awsEndpoint) {
}
