package dev.tablecloud.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the built server with its control database pointing at a port where nothing listens.
 * The server must still start, say in one log line which URL failed, log no stack traces, and
 * report DOWN on the health endpoint. Not an Arquillian test: it needs a server of its own,
 * started with a different environment.
 */
class UnreachableControlDatabaseIT {

    private static final int PORT_OFFSET = 200;

    @Test
    void startsAndNamesTheUnreachableUrlInOneLogLine(@TempDir Path temp) throws Exception {
        String deadUrl = "jdbc:postgresql://127.0.0.1:" + FreePort.find() + "/tablecloud";
        Path base = serverBaseDirectory(temp);
        Process server = startServer(base, deadUrl, temp);
        try {
            awaitDeployment(base);

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/api/v1/health"))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains(deadUrl).contains("\"reachable\":false");

            List<String> log = Files.readAllLines(base.resolve("log/server.log"));
            assertThat(log.stream().filter(line -> line.contains(deadUrl)))
                    .singleElement().asString()
                    .contains("Control database unreachable at " + deadUrl)
                    .contains("Connection to 127.0.0.1");
            assertThat(log).noneMatch(line -> line.startsWith("\tat "));
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor();
        }
    }

    /** A copy of the built server's standalone directory, with the EAR to deploy. */
    private static Path serverBaseDirectory(Path temp) throws IOException {
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path base = temp.resolve("standalone");
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("tablecloud.ear")), base.resolve("deployments/tablecloud.ear"));
        return base;
    }

    private static Process startServer(Path base, String controlDatabaseUrl, Path temp) throws IOException {
        Path home = Path.of(System.getProperty("wildfly.home"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("console.log").toFile());
        builder.environment().put("TABLECLOUD_DB_URL", controlDatabaseUrl);
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        return builder.start();
    }

    private static void awaitDeployment(Path base) throws InterruptedException {
        Path deployed = base.resolve("deployments/tablecloud.ear.deployed");
        Path failed = base.resolve("deployments/tablecloud.ear.failed");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.exists(deployed)) {
            assertThat(failed).as("deployment failed").doesNotExist();
            assertThat(Instant.now()).as("deployment within 3 minutes").isBefore(deadline);
            Thread.sleep(500);
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
