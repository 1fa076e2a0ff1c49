package dev.tablecloud.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        OwnServer server = OwnServer.in(temp, PORT_OFFSET).start(Map.of("TABLECLOUD_DB_URL", deadUrl), "console.log");
        try {
            server.awaitDeployment();

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.url("/api/v1/health")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains(deadUrl).contains("\"reachable\":false");

            List<String> log = Files.readAllLines(server.serverLog());
            assertThat(log.stream().filter(line -> line.contains(deadUrl)))
                    .singleElement().asString()
                    .contains("Control database unreachable at " + deadUrl)
                    .contains("Connection to 127.0.0.1");
            assertThat(log).noneMatch(line -> line.startsWith("\tat "));
        } finally {
            server.stop();
        }
    }
}
