package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * schemathesis fuzzes the whole API from its OpenAPI document, signed in as an admin, for a bounded
 * time: no answer may be a server error (5xx), and every answer must match the document (status,
 * content type, schema). It runs against a server of its own, on a control database and a moto of
 * its own, because an admin's random calls delete and change what they find: no other test's
 * fixtures are in reach. config/test installs schemathesis and names it in
 * TABLECLOUD_TEST_SCHEMATHESIS_BIN; the output and the reports go to {@code <build dir>/schemathesis}.
 */
class ApiFuzzIT {

    private static final int PORT_OFFSET = 220;
    /** The fuzzing's budget; the whole test takes about a minute more (the server starting). */
    private static final int MAX_SECONDS = 150;
    private static final String USER = "fuzz-target";
    private static final String ENVIRONMENT = "fuzz";
    private static final String DOOMED_ENVIRONMENT = "fuzz-doomed";

    @Test
    void theFuzzedApiAnswersNoServerErrorAndKeepsToItsDocument(@TempDir Path temp) throws Exception {
        String schemathesis = System.getenv("TABLECLOUD_TEST_SCHEMATHESIS_BIN");
        assertThat(schemathesis).as("TABLECLOUD_TEST_SCHEMATHESIS_BIN (run the tests with config/test)").isNotBlank();
        Path out = Path.of(System.getProperty("tablecloud.build.directory", "target"), "schemathesis");
        Files.createDirectories(out);

        try (MotoServer moto = MotoServer.start(Map.of())) {
            OwnServer server = OwnServer.in(temp, PORT_OFFSET)
                    .start(Map.of("TABLECLOUD_DB_URL", freshControlDatabase()), "console.log");
            try {
                server.awaitHealthy();
                Api api = new Api(server.url("/").toURL());
                assertThat(api.post("users", """
                        {"name": "%s", "password": "a password to fuzz", "roles": []}""".formatted(USER)).status())
                        .isEqualTo(201);
                api.environment(ENVIRONMENT, moto.endpoint().toString(), "us-east-1", "aws_vpc");
                assertThat(api.post("environments", "{\"name\": \"%s\"}".formatted(DOOMED_ENVIRONMENT)).status())
                        .isEqualTo(201);

                Path output = out.resolve("output.txt");
                ProcessBuilder run = new ProcessBuilder(schemathesis,
                        "--config-file", configFile().toString(),
                        "run", server.url("/openapi?format=JSON").toString(),
                        "--url", server.url("").toString(),
                        "--auth", Api.ADMIN + ":" + Api.adminPassword(),
                        "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                                + "response_schema_conformance",
                        "--max-time", String.valueOf(MAX_SECONDS),
                        "--workers", "2",
                        "--request-timeout", "30",
                        "--report", "junit,ndjson", "--report-dir", out.resolve("report").toString())
                        .directory(out.toFile()) // its cache of earlier failures (.schemathesis) stays in the build
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                run.environment().put("FUZZ_USER", USER);
                run.environment().put("FUZZ_ENVIRONMENT", ENVIRONMENT);
                run.environment().put("FUZZ_DOOMED_ENVIRONMENT", DOOMED_ENVIRONMENT);
                run.environment().put("NO_COLOR", "1");
                Process fuzzing = run.start();
                boolean ended = fuzzing.waitFor(MAX_SECONDS + 120, TimeUnit.SECONDS);
                if (!ended) {
                    fuzzing.destroyForcibly();
                }
                String text = Files.readString(output);
                Figures figures = Figures.of(text);
                System.out.printf("API fuzzing (schemathesis): %d requests, %d of %d operations covered%n",
                        figures.requests(), figures.tested(), figures.selected());
                assertThat(ended).as("schemathesis ended within its budget").isTrue();
                assertThat(fuzzing.exitValue()).as("schemathesis found failures:%n%s", summary(text)).isZero();
                assertThat(figures.tested()).as("every operation fuzzed").isEqualTo(figures.selected());
                assertThat(figures.selected()).as("operations in the document").isGreaterThan(40);
            } finally {
                server.stop();
            }
        }
    }

    /** The run's figures from schemathesis' summary: "Selected: 64/64", "Tested: 64", "8292 generated". */
    record Figures(int selected, int tested, int requests) {

        static Figures of(String output) {
            return new Figures(number(output, "Selected: (\\d+)"), number(output, "Tested: (\\d+)"),
                    number(output, "(\\d+) generated"));
        }

        private static int number(String output, String pattern) {
            Matcher matcher = Pattern.compile(pattern).matcher(output);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        }
    }

    /** The failures and the summary, not the whole output. */
    private static String summary(String output) {
        int failures = output.indexOf("FAILURES");
        return failures < 0 ? output.substring(Math.max(0, output.length() - 4000)) : output.substring(failures);
    }

    private static Path configFile() {
        return Path.of(System.getProperty("tablecloud.root", "..")).resolve("ear/src/test/schemathesis/schemathesis.toml");
    }

    /** A control database of the test's own, on the test PostgreSQL. */
    private static String freshControlDatabase() throws Exception {
        String url = System.getenv("TABLECLOUD_DB_URL");
        String name = "fuzz_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(url, System.getenv("TABLECLOUD_DB_USER"),
                System.getenv("TABLECLOUD_DB_PASSWORD")); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }
}
