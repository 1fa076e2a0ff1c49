package dev.tablecloud.aws;

/**
 * How an environment signs its AWS calls. A secret never appears in {@link #toString()}, so it
 * cannot reach a log by accident.
 */
public sealed interface AwsCredentials {

    /** The AWS default provider chain of the server (environment, profile, instance role...). */
    record DefaultChain() implements AwsCredentials {
    }

    /** A stored access key pair. */
    record AccessKey(String accessKeyId, String secretAccessKey) implements AwsCredentials {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + ", secret hidden]";
        }
    }

    /** A role assumed with the default chain's credentials. */
    record AssumeRole(String roleArn, String externalId) implements AwsCredentials {
    }
}
