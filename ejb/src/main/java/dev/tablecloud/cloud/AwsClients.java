package dev.tablecloud.cloud;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.time.Duration;
import java.util.List;

/**
 * Builds AWS SDK clients for a connection. The HTTP client is chosen explicitly: the SDK's
 * default (Apache 5) does not work inside the EAR.
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 3;

    private AwsClients() {
    }

    /**
     * A client for one region of the connection, signing with {@code credentials} (one provider
     * per piece of work, see {@link AwsSession}), with interceptors (e.g. to count calls).
     */
    public static Ec2Client ec2(AwsConnection connection, String region, AwsCredentialsProvider credentials,
                                List<ExecutionInterceptor> interceptors) {
        return configure(Ec2Client.builder(), connection, region, credentials, interceptors).build();
    }

    /** Path-style addressing: emulators serve every bucket on one host. */
    public static S3Client s3(AwsConnection connection, String region, AwsCredentialsProvider credentials,
                              List<ExecutionInterceptor> interceptors) {
        return configure(S3Client.builder(), connection, region, credentials, interceptors)
                .forcePathStyle(connection.endpointOverride() != null)
                .build();
    }

    /** Route 53 is global; AWS serves it from us-east-1. */
    public static Route53Client route53(AwsConnection connection, AwsCredentialsProvider credentials,
                                        List<ExecutionInterceptor> interceptors) {
        return configure(Route53Client.builder(), connection, "us-east-1", credentials, interceptors)
                .build();
    }

    /** STS signed with the given credentials: the connection's, or the base ones a role is assumed with. */
    public static StsClient sts(AwsConnection connection, AwsCredentialsProvider credentials,
                                List<ExecutionInterceptor> interceptors) {
        return configure(StsClient.builder(), connection, connection.region(), credentials, interceptors).build();
    }

    private static <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(
            B builder, AwsConnection connection, String region, AwsCredentialsProvider credentials,
            List<ExecutionInterceptor> interceptors) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(CALL_TIMEOUT)
                        .retryStrategy(retry -> retry.maxAttempts(MAX_ATTEMPTS))
                        .executionInterceptors(interceptors)
                        .build());
        if (connection.endpointOverride() != null) {
            builder.endpointOverride(connection.endpointOverride());
        }
        return builder;
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
                    .stsClient(sts(connection, defaultChain(connection), List.of()))
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
