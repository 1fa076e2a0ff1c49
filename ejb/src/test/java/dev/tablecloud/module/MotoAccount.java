package dev.tablecloud.module;

import dev.tablecloud.aws.AwsConnection;
import dev.tablecloud.aws.AwsCredentials;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.testsupport.MotoExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * An emulated AWS account of a test class's own (the shared {@link MotoExtension}), with engine
 * sessions against it, closed after the class's tests:
 * {@code @RegisterExtension static final MotoAccount moto = MotoAccount.plain();}.
 */
public final class MotoAccount extends MotoExtension {

    private MotoAccount(Map<String, String> settings) {
        super(settings);
    }

    public static MotoAccount plain() {
        return new MotoAccount(Map.of());
    }

    /**
     * With settings of its own, which moto reads from its environment when it starts
     * ({@code MOTO_ENABLE_AMI_VALIDATION=true} makes it refuse AMIs it does not know, as AWS does).
     */
    public static MotoAccount withSettings(Map<String, String> settings) {
        return new MotoAccount(settings);
    }

    /** Refusing the AMIs, instance types and key pairs it does not know, as AWS does. */
    public static MotoAccount refusingWhatAwsRefuses() {
        return withSettings(Map.of("MOTO_ENABLE_AMI_VALIDATION", "true",
                "MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION", "true", "MOTO_ENABLE_KEYPAIR_VALIDATION", "true"));
    }

    /**
     * A session against this account, as the engine would open one for an environment; {@code observers}
     * are told of its every call. Closed after the class's tests.
     */
    public AwsSession session(String region, ExecutionInterceptor... observers) {
        return session(region, null, observers);
    }

    /** With threads for the reads AWS offers one resource per call, as the engine's sessions have. */
    public AwsSession session(String region, ExecutorService perResourceReads, ExecutionInterceptor... observers) {
        return closeAfterAll(new AwsSession(new AwsConnection(region, endpoint(),
                new AwsCredentials.AccessKey("testing", "testing")), perResourceReads, List.of(observers)));
    }
}
