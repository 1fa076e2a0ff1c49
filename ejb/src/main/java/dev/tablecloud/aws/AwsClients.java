package dev.tablecloud.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds AWS SDK clients for a connection, each with its service's own builder: the same HTTP
 * client, timeouts, retries, endpoint and credentials for every service. The HTTP client is chosen
 * explicitly: the SDK's default (Apache 5) does not work inside the EAR.
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 3;

    /**
     * Services AWS serves from one region whatever region the caller works in (Route 53 and IAM
     * from us-east-1 in the aws partition): one client each, signed for that region.
     */
    private static final Map<Class<? extends SdkClient>, String> GLOBAL = Map.of(
            Route53Client.class, "us-east-1");

    private AwsClients() {
    }

    /**
     * A client of {@code type} (Ec2Client, S3Client …) for one region of the connection, signing
     * with {@code credentials} (one provider per piece of work, see {@link AwsSession}), with
     * interceptors (e.g. to count calls). A global service ignores the region.
     */
    public static <C extends SdkClient> C client(Class<C> type, AwsConnection connection, String region,
                                                 AwsCredentialsProvider credentials,
                                                 List<ExecutionInterceptor> interceptors) {
        AwsClientBuilder<?, ?> builder = builderOf(type);
        builder.region(Region.of(regionFor(type, region)));
        builder.credentialsProvider(credentials);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .retryStrategy(retries())
                .executionInterceptors(interceptors)
                .build());
        ((AwsSyncClientBuilder<?, ?>) builder).httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT));
        if (connection.endpointOverride() != null) {
            builder.endpointOverride(connection.endpointOverride());
            if (builder instanceof S3ClientBuilder s3) {
                // Emulators serve every bucket on one host.
                s3.forcePathStyle(true);
            }
        }
        return type.cast(builder.build());
    }

    /** The region a client of {@code type} is made for, when asked for one in {@code region}. */
    public static String regionFor(Class<? extends SdkClient> type, String region) {
        return GLOBAL.getOrDefault(type, region);
    }

    /**
     * Adaptive retries (the SDK's ADAPTIVE_V2): besides retrying transient failures with backoff,
     * a client that is throttled (EC2's RequestLimitExceeded, Throttling elsewhere) slows its own
     * sending to the rate AWS lets through, rather than spending its attempts at once. One per
     * client: the rate it learns is of one service in one region of one account, as AWS's limits are.
     */
    static RetryStrategy retries() {
        return AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .build();
    }

    /** The service's own builder: every SDK client interface has a static {@code builder()}. */
    private static AwsClientBuilder<?, ?> builderOf(Class<? extends SdkClient> type) {
        try {
            return (AwsClientBuilder<?, ?>) type.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(type.getName() + " is not an AWS SDK client with a builder()", e);
        }
    }

    /**
     * The provider for the connection's credentials. An assumed role's provider holds an STS
     * client and its session: share it between clients and close it after the work.
     */
    public static AwsCredentialsProvider credentials(AwsConnection connection) {
        if (connection.credentials() instanceof AwsCredentials.AccessKey key) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        }
        if (connection.credentials() instanceof AwsCredentials.AssumeRole role) {
            return StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(client(StsClient.class, connection, connection.region(), defaultChain(connection), List.of()))
                    .refreshRequest(request -> request.roleArn(role.roleArn()).externalId(role.externalId())
                            .roleSessionName("tablecloud"))
                    .build();
        }
        return defaultChain(connection);
    }

    /**
     * Emulators accept any key, so an environment pointed at one works without an AWS account;
     * explicit keys from the process environment still win.
     */
    private static AwsCredentialsProvider defaultChain(AwsConnection connection) {
        if (connection.endpointOverride() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("tablecloud", "emulator")));
    }
}
