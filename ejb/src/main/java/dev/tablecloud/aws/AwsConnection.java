package dev.tablecloud.aws;

import java.net.URI;

/**
 * Where and how an environment reaches AWS.
 *
 * @param region           the environment's default region
 * @param endpointOverride an emulator's URL (moto, LocalStack), or null for AWS itself
 */
public record AwsConnection(String region, URI endpointOverride, AwsCredentials credentials) {

    /** An environment's connection, from its stored default region and endpoint (null for AWS). */
    public static AwsConnection of(String region, String endpoint, AwsCredentials credentials) {
        return new AwsConnection(region, endpoint == null ? null : URI.create(endpoint),
                credentials);
    }

    /** The endpoint a call of the given service goes to, for messages. */
    public String endpointFor(String service) {
        return endpointOverride != null
                ? endpointOverride.toString()
                : "https://" + service + "." + region + ".amazonaws.com";
    }
}
