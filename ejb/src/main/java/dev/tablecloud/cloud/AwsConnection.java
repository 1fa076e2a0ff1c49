package dev.tablecloud.cloud;

import dev.tablecloud.environment.EnvironmentData;

import java.net.URI;

/**
 * Where and how an environment reaches AWS.
 *
 * @param endpointOverride an emulator's URL (moto, LocalStack), or null for AWS itself
 */
public record AwsConnection(String region, URI endpointOverride) {

    public static AwsConnection of(EnvironmentData environment) {
        String endpoint = environment.awsEndpoint();
        return new AwsConnection(environment.awsDefaultRegion(), endpoint == null ? null : URI.create(endpoint));
    }

    /** The endpoint a call of the given service goes to, for messages. */
    public String endpointFor(String service) {
        return endpointOverride != null
                ? endpointOverride.toString()
                : "https://" + service + "." + region + ".amazonaws.com";
    }
}
