package dev.tablecloud.it;

import static org.awaitility.Awaitility.await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built server started by a test itself, beside the Arquillian one: for tests that need another
 * environment (a dead control database) or a server they may kill. It runs from a copy of the
 * standalone directory with the EAR, on its own port offset.
 */
final class OwnServer {

    private final Path base;
    private final int portOffset;
    private final Path logs;
    private Process process;

    private OwnServer(Path base, int portOffset, Path logs) {
        this.base = base;
        this.portOffset = portOffset;
        this.logs = logs;
    }

    /** Prepares the directory; {@link #start} runs it. */
    static OwnServer in(Path temp, int portOffset) throws IOException {
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path base = temp.resolve("standalone");
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("tablecloud.ear")), base.resolve("deployments/tablecloud.ear"));
        return new OwnServer(base, portOffset, temp);
    }

    /** A control database of the test's own, on the test PostgreSQL: no other server recovers its commits or runs its jobs. */
    static String freshControlDatabase(String prefix) throws SQLException {
        String url = System.getenv("TABLECLOUD_DB_URL");
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(url, System.getenv("TABLECLOUD_DB_USER"),
                System.getenv("TABLECLOUD_DB_PASSWORD")); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    /** Starts it with these environment variables (TABLECLOUD_DB_URL…) added to the test's own. */
    OwnServer start(Map<String, String> environment, String consoleLog) throws IOException {
        // Markers of an earlier (killed) run would make the scanner skip or misreport the deployment.
        try (Stream<Path> markers = Files.list(base.resolve("deployments"))) {
            for (Path marker : markers.filter(p -> !p.getFileName().toString().equals("tablecloud.ear")).toList()) {
                Files.delete(marker);
            }
        }
        Path home = Path.of(System.getProperty("wildfly.home"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + portOffset)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(consoleLog).toFile());
        builder.environment().putAll(environment);
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        process = builder.start();
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + path);
    }

    Path serverLog() {
        return base.resolve("log/server.log");
    }

    /** Waits for the deployment scanner to report the EAR deployed. */
    void awaitDeployment() throws InterruptedException {
        Path deployed = base.resolve("deployments/tablecloud.ear.deployed");
        Path failed = base.resolve("deployments/tablecloud.ear.failed");
        await("deployment within 3 minutes").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(failed).as("deployment failed").doesNotExist();
                    return Files.exists(deployed);
                });
    }

    /** Waits until health answers 200: deployed, and the control database ready. */
    void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        await("server healthy within 3 minutes").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try {
                        return http.send(HttpRequest.newBuilder(url("/api/v1/health"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
                                .statusCode() == 200;
                    } catch (IOException notYet) {
                        return false; // still starting
                    }
                });
    }

    /** SIGKILL to the server JVM and its launcher: no shutdown hook, no cleanup. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** An orderly stop. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                try {
                    Path target = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
