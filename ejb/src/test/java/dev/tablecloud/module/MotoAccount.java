package dev.tablecloud.module;

import dev.tablecloud.aws.AwsConnection;
import dev.tablecloud.aws.AwsCredentials;
import dev.tablecloud.aws.AwsSession;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * An emulated AWS account of a test's own: a moto server on a free port, stopped by close().
 * config/test installs moto and names its binary in TABLECLOUD_TEST_MOTO_BIN.
 */
public final class MotoAccount implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private MotoAccount(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoAccount start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * A moto server with settings of its own, which moto reads from its environment when it starts
     * ({@code MOTO_ENABLE_AMI_VALIDATION=true} makes it refuse AMIs it does not know, as AWS does).
     */
    public static MotoAccount start(Map<String, String> environment) throws IOException, InterruptedException {
        String bin = System.getenv("TABLECLOUD_TEST_MOTO_BIN");
        if (bin == null || bin.isBlank()) {
            throw new IllegalStateException("TABLECLOUD_TEST_MOTO_BIN is not set: run the tests with config/test");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of(System.getProperty("tablecloud.build.directory", "target"), "moto-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(bin, "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process moto = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new MotoAccount(moto, URI.create("http://127.0.0.1:" + port));
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        moto.destroy();
        throw new IllegalStateException("moto did not start on port " + port + "; see " + log);
    }

    /**
     * A session against this account, as the engine would open one for an environment; {@code observers}
     * are told of its every call.
     */
    public AwsSession session(String region, ExecutionInterceptor... observers) {
        return session(region, null, observers);
    }

    /** With threads for the reads AWS offers one resource per call, as the engine's sessions have. */
    public AwsSession session(String region, ExecutorService perResourceReads, ExecutionInterceptor... observers) {
        return new AwsSession(new AwsConnection(region, endpoint,
                new AwsCredentials.AccessKey("testing", "testing")), perResourceReads, List.of(observers));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
