package dev.tablecloud.cloud;

/**
 * How an environment should authenticate, as given by a user. {@code credentialsType} is
 * default-chain, access-key (with both key fields) or assume-role (with roleArn, optionally
 * externalId). In answers, {@code secretAccessKey} is always null.
 */
public record ConnectionSettings(String credentialsType, String accessKeyId, String secretAccessKey, String roleArn,
                                 String externalId) {
}
