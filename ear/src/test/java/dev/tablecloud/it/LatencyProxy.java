package dev.tablecloud.it;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The latency proxy of bench/ before an upstream: a cloud as slow as AWS, or slower, to catch work half-way. */
final class LatencyProxy {

    private LatencyProxy() {
    }

    static Process start(int port, String upstream, Path temp, int latencyMillis) throws IOException {
        Path python = Path.of(System.getenv("TABLECLOUD_TEST_MOTO_BIN")).resolveSibling("python");
        Path script = Path.of(System.getProperty("tablecloud.root", "..")).resolve("bench/latency_proxy.py");
        Process proxy = new ProcessBuilder(python.toString(), script.toString(), String.valueOf(port), upstream,
                String.valueOf(latencyMillis))
                .redirectErrorStream(true).redirectOutput(temp.resolve("proxy-" + port + ".log").toFile()).start();
        await("proxy listening").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (var ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return proxy;
    }
}
