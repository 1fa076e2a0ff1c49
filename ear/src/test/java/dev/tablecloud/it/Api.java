package dev.tablecloud.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the REST API, as any API user would call it: by default signed in as the
 * first admin (config/test sets its password), or as another user, or as nobody.
 */
final class Api {

    static final String ADMIN = "admin";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    /** The Authorization header's value, or null for a caller who does not sign in. */
    private final String authorization;

    Api(URL deploymentUrl) {
        this(URI.create(deploymentUrl.toString()).resolve("/api/v1/"), basic(ADMIN, adminPassword()));
    }

    private Api(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    Api as(String user, String password) {
        return new Api(base, basic(user, password));
    }

    /** The same API, called with a personal API token ({@code Authorization: Bearer}). */
    Api withToken(String token) {
        return new Api(base, "Bearer " + token);
    }

    Api anonymous() {
        return new Api(base, null);
    }

    static String adminPassword() {
        String password = System.getenv("TABLECLOUD_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("TABLECLOUD_ADMIN_PASSWORD is not set: run the tests with config/test");
        }
        return password;
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A GET that asks for one of the representations a resource offers: text/plain, application/json… */
    Reply get(String path, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET());
    }

    /** Runs a script through an environment's SQL endpoint; the answer's statements, each with rows or an error. */
    JsonObject sql(String environment, String script) {
        Reply reply = post("environments/" + environment + "/sql", "{\"sql\": %s}".formatted(quote(script)));
        if (reply.status() != 200) {
            throw new AssertionError("SQL endpoint answered " + reply);
        }
        return reply.object();
    }

    /** A new environment on that endpoint and default region, with these modules installed. */
    String environment(String name, String endpoint, String region, String... modules) {
        Reply created = post("environments", "{\"name\": %s, \"awsEndpoint\": %s, \"awsDefaultRegion\": %s}"
                .formatted(quote(name), quote(endpoint), quote(region)));
        if (created.status() != 201) {
            throw new AssertionError("Creating environment " + name + " answered " + created);
        }
        String install = java.util.Arrays.stream(modules).map(Api::sqlLiteral)
                .collect(java.util.stream.Collectors.joining(", "));
        SqlAnswers.ok(sql(name, "select * from iasql_install(" + install + ")"));
        return name;
    }

    /** Opens a transaction with iasql_begin(); its id. */
    long begin(String environment) {
        return SqlAnswers.rows(sql(environment, "select transaction_id from iasql_begin()"), 0).getJsonArray(0)
                .getJsonNumber(0).longValue();
    }

    private static String sqlLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    /** A POST without a body or a content type, as {@code curl -X POST} sends it. */
    Reply post(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, String location, String body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        JsonObject object() {
            return json().asJsonObject();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    static String quote(String value) {
        return value == null ? "null" : Json.createValue(value).toString();
    }
}
