package dev.tablecloud.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A moto server: an emulated AWS account of a test's own, on a port of its own; two servers are
 * two accounts (staging and prod). config/test installs moto and names its binary in
 * TABLECLOUD_TEST_MOTO_BIN. Its output goes to {@code <build dir>/moto-<port>.log}.
 */
public final class MotoServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** On a free port. */
    public static MotoServer start(Map<String, String> settings) {
        return start(freePort(), settings);
    }

    /**
     * On the given port, with moto settings, which moto reads from its environment when it starts
     * ({@code MOTO_ENABLE_AMI_VALIDATION=true} makes it refuse AMIs it does not know, as AWS does).
     * Returns once the server accepts connections.
     */
    public static MotoServer start(int port, Map<String, String> settings) {
        String bin = System.getenv("TABLECLOUD_TEST_MOTO_BIN");
        if (bin == null || bin.isBlank()) {
            throw new IllegalStateException("TABLECLOUD_TEST_MOTO_BIN is not set: run the tests with config/test");
        }
        Path log = Path.of(System.getProperty("tablecloud.build.directory", "target"), "moto-" + port + ".log");
        Process process;
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(bin, "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(settings);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("moto did not start from " + bin, e);
        }
        MotoServer server = new MotoServer(process, port, log);
        try {
            await("moto on port " + port + " (see " + log + ")").atMost(STARTUP).pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || server.accepts());
        } catch (RuntimeException e) {
            process.destroy();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("moto exited at start on port " + port + "; see " + log);
        }
        return server;
    }

    private boolean accepts() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A port no one listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Whether the server still runs (a test may kill it to see the engine lose its cloud). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server and waits for it to be gone, so that its port is free again. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
