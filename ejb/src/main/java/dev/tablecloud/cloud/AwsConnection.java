package dev.tablecloud.cloud;

import dev.tablecloud.environment.EnvironmentData;

import java.net.URI;

/**
 * Where and how an environment reaches AWS.
 *
 * @param endpointOverride an emulator's URL (moto, LocalStack), or null for AWS itself
 */
public record AwsConnection(String region, URI endpointOverride, AwsCredentials credentials) {

    /** With the default provider chain. */
    public static AwsConnection of(EnvironmentData environment) {
        return of(environment, new AwsCredentials.DefaultChain());
    }

    public static AwsConnection of(EnvironmentData environment, AwsCredentials credentials) {
        String endpoint = environment.awsEndpoint();
        return new AwsConnection(environment.awsDefaultRegion(), endpoint == null ? null : URI.create(endpoint),
                credentials);
    }

    /** The endpoint a call of the given service goes to, for messages. */
    public String endpointFor(String service) {
        return endpointOverride != null
                ? endpointOverride.toString()
                : "https://" + service + "." + region + ".amazonaws.com";
    }
}
