package dev.tablecloud.it;

import static org.awaitility.Awaitility.await;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks as DESIGN §6 has them: each event of a review flow run through REST is posted once to
 * a receiver of the test, signed with the webhook's secret; a dead receiver leaves the flow
 * working and its failures in the list of deliveries.
 */
class WebhooksIT extends DeployedTablecloud {

    private static final String PASSWORD = "correct horse battery";
    private static final String SECRET = "a webhook secret the receiver knows";
    private static final List<String> FLOW_EVENTS = List.of("opened", "revision", "approved", "commented", "committed");

    private final List<Receiver> receivers = new CopyOnWriteArrayList<>();
    private Api admin;
    private Api reviewer;
    private String environment;

    /** What a receiver got: the headers by lowercase name, and the body exactly as sent. */
    record Post(Map<String, String> headers, byte[] body) {

        JsonObject json() {
            try (var reader = jakarta.json.Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        }

        String kind() {
            return json().getString("kind");
        }
    }

    /** An HTTP server of the test on 127.0.0.1 that records each post and answers it after a while with one status. */
    record Receiver(HttpServer server, List<Post> posts) {

        static Receiver answering(int status, Duration after) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            List<Post> posts = new CopyOnWriteArrayList<>();
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                posts.add(new Post(headers, body));
                try {
                    Thread.sleep(after.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            // Daemon threads: a receiver still pretending to think must not keep the test JVM alive.
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return new Receiver(server, posts);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }
    }

    @BeforeEach
    void createEnvironmentWithReviewer() {
        admin = new Api(deployment);
        environment = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(Api.quote(environment),
                Api.quote(TablecloudEar.motoUrl()))).status()).isEqualTo(201);
        var installed = admin.post("environments/" + environment + "/modules/aws_vpc", "");
        assertThat(installed.status()).as(installed.toString()).isEqualTo(200);
        String name = "rev-" + UUID.randomUUID().toString().substring(0, 6);
        var created = admin.post("users", """
                {"name": %s, "password": %s, "roles": [{"environment": %s, "role": "reviewer"}]}"""
                .formatted(Api.quote(name), Api.quote(PASSWORD), Api.quote(environment)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        reviewer = admin.as(name, PASSWORD);
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(receiver -> receiver.server().stop(0));
    }

    private Receiver receiver(int status) throws IOException {
        return receiver(status, Duration.ZERO);
    }

    private Receiver receiver(int status, Duration after) throws IOException {
        Receiver receiver = Receiver.answering(status, after);
        receivers.add(receiver);
        return receiver;
    }

    private String path(String rest) {
        return "environments/" + environment + "/" + rest;
    }

    /**
     * With one approval required, opens a transaction, changes a row, has the review opened by the
     * admin, approved by the reviewer, commented on and committed.
     */
    private long runReviewFlow(String cidr) {
        var policy = admin.put(path("review-policy"), """
                {"approvalsRequired": 1, "selfApproval": false, "rejectionBlocks": true, "approverRole": "reviewer"}""");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        assertThat(admin.post(path("transactions"), "").status()).isEqualTo(201);
        SqlAnswers.ok(admin.sql(environment, "insert into vpc (cidr_block, tags) values ('" + cidr
                + "', '{\"Name\": \"hooks\"}')"));
        var opened = admin.post(path("transactions/current/reviews"),
                "{\"title\": \"The hooks VPC\", \"description\": \"For the webhook receivers.\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long review = opened.object().getJsonNumber("id").longValue();
        assertThat(opened.object().getInt("currentRevision")).isEqualTo(1);
        var approved = reviewer.post(path("reviews/" + review + "/decisions"),
                "{\"revision\": 1, \"decision\": \"approve\", \"comment\": \"ok\"}");
        assertThat(approved.status()).as(approved.toString()).isBetween(200, 201);
        var commented = admin.post(path("reviews/" + review + "/comments"), "{\"text\": \"Committing now.\"}");
        assertThat(commented.status()).as(commented.toString()).isBetween(200, 201);
        var committed = admin.post(path("transactions/current/commit"), "");
        assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
        return review;
    }

    private static void waitUntil(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        await(what + " within " + limit.toSeconds() + " s").atMost(limit).pollInterval(Duration.ofMillis(100))
                .until(done::getAsBoolean);
    }

    private JsonArray deliveries() {
        var listed = admin.get(path("webhooks/deliveries"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().asJsonArray();
    }

    private static String hmacSha256Hex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void eachEventOfAReviewFlowArrivesOnceSignedWithTheSecret() throws Exception {
        Receiver receiver = receiver(204);
        var configured = admin.put(path("webhooks"), """
                [{"url": %s, "secret": %s, "events": ["approved"]}]""".formatted(Api.quote(receiver.url()),
                Api.quote(SECRET)));
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        // The same URL again without a secret keeps the stored one; no events: all of them.
        var widened = admin.put(path("webhooks"), "[{\"url\": %s}]".formatted(Api.quote(receiver.url())));
        assertThat(widened.status()).as(widened.toString()).isEqualTo(200);
        var listed = admin.get(path("webhooks"));
        assertThat(listed.body()).doesNotContain(SECRET);
        assertThat(listed.json().asJsonArray()).singleElement().satisfies(webhook -> {
            assertThat(webhook.asJsonObject().getString("url")).isEqualTo(receiver.url());
            assertThat(webhook.asJsonObject().getString("secret")).isEqualTo("set");
            assertThat(webhook.asJsonObject().getJsonArray("events")).isEmpty();
        });

        long review = runReviewFlow("10.60.0.0/16");

        waitUntil("every event of the flow posted", Duration.ofSeconds(30), () -> receiver.posts().size() >= 5);
        await("no repeat of any event").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> receiver.posts().size() == FLOW_EVENTS.size());
        assertThat(receiver.posts()).extracting(Post::kind).containsExactlyInAnyOrderElementsOf(FLOW_EVENTS);
        for (Post post : receiver.posts()) {
            JsonObject event = post.json();
            assertThat(post.headers().get("x-tablecloud-signature")).as(event.toString())
                    .isEqualTo("sha256=" + hmacSha256Hex(SECRET, post.body()));
            assertThat(post.headers().get("x-tablecloud-event")).isEqualTo(event.getString("kind"));
            assertThat(post.headers().get("x-tablecloud-delivery")).matches("[0-9]+");
            assertThat(event.getString("environment")).isEqualTo(environment);
            assertThat(event.getJsonNumber("reviewId").longValue()).isEqualTo(review);
            assertThat(event.getString("review")).isEqualTo("/reviews/" + review);
            assertThat(event.getString("actor")).isNotBlank();
        }
        assertThat(receiver.posts()).extracting(post -> post.json().getJsonNumber("id").longValue())
                .doesNotHaveDuplicates();
        JsonArray deliveries = deliveries();
        assertThat(deliveries).hasSize(5).allSatisfy(delivery -> {
            assertThat(delivery.asJsonObject().getString("status")).isEqualTo("delivered");
            assertThat(delivery.asJsonObject().getInt("attempts")).isEqualTo(1);
            assertThat(delivery.asJsonObject().getInt("lastHttpStatus")).isEqualTo(204);
        });
        assertThat(receiver.posts()).extracting(post -> post.headers().get("x-tablecloud-delivery"))
                .containsExactlyInAnyOrderElementsOf(deliveries.stream()
                        .map(delivery -> delivery.asJsonObject().getJsonNumber("id").toString()).toList());
    }

    @Test
    void aDeadReceiverLeavesTheFlowWorkingAndItsFailuresListed() throws Exception {
        int closedPort = FreePort.find();
        Receiver failing = receiver(500);
        // Answers after the sender's 10 s timeout: a flow that waited for it would take 40 s and more.
        Receiver hanging = receiver(200, Duration.ofSeconds(30));
        var configured = admin.put(path("webhooks"), """
                [{"url": "http://127.0.0.1:%d/gone", "secret": %s},
                 {"url": %s, "secret": %s, "events": ["approved"]},
                 {"url": %s, "secret": %s, "events": ["opened", "committed"]}]"""
                .formatted(closedPort, Api.quote(SECRET), Api.quote(failing.url()), Api.quote(SECRET),
                        Api.quote(hanging.url()), Api.quote(SECRET)));
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);

        Instant started = Instant.now();
        runReviewFlow("10.61.0.0/16");
        Duration flow = Duration.between(started, Instant.now());

        assertThat(flow).as("the review flow did not wait for any receiver").isLessThan(Duration.ofSeconds(20));
        waitUntil("the deliveries to the dead receivers given up", Duration.ofSeconds(60), () -> {
            List<JsonObject> dead = deliveries().stream().map(JsonValue::asJsonObject)
                    .filter(delivery -> !delivery.getString("url").equals(hanging.url())).toList();
            return dead.size() == 6 && dead.stream().noneMatch(delivery -> delivery.getString("status").equals("pending"));
        });
        List<JsonObject> deliveries = deliveries().stream().map(JsonValue::asJsonObject).toList();
        List<JsonObject> toClosedPort = deliveries.stream()
                .filter(delivery -> delivery.getString("url").endsWith("/gone")).toList();
        assertThat(toClosedPort).extracting(delivery -> delivery.getString("kind"))
                .containsExactlyInAnyOrderElementsOf(FLOW_EVENTS);
        assertThat(toClosedPort).allSatisfy(delivery -> {
            assertThat(delivery.getString("status")).isEqualTo("failed");
            assertThat(delivery.getInt("attempts")).isEqualTo(4);
            assertThat(delivery.containsKey("lastHttpStatus")).as("no answer came").isFalse();
            assertThat(delivery.getString("lastError")).startsWith("No connection to 127.0.0.1:" + closedPort);
            assertThat(delivery.getJsonArray("attemptLog")).hasSize(4);
        });
        assertThat(deliveries).filteredOn(delivery -> delivery.getString("url").equals(failing.url())).singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.getString("kind")).isEqualTo("approved");
                    assertThat(delivery.getString("status")).isEqualTo("failed");
                    assertThat(delivery.getInt("attempts")).isEqualTo(4);
                    assertThat(delivery.getInt("lastHttpStatus")).isEqualTo(500);
                    assertThat(delivery.getString("lastError")).isEqualTo("The receiver answered HTTP 500.");
                });
        assertThat(failing.posts()).hasSize(4).extracting(Post::kind).containsOnly("approved");
        assertThat(deliveries).filteredOn(delivery -> delivery.getString("url").equals(hanging.url()))
                .extracting(delivery -> delivery.getString("kind")).containsExactlyInAnyOrder("opened", "committed");
    }

    @Test
    void aWrongListIsRefusedFieldByFieldAndOnlyAdminsSeeWebhooks() throws Exception {
        Receiver receiver = receiver(204);
        assertThat(admin.put(path("webhooks"), "[{\"url\": %s, \"secret\": %s}]"
                .formatted(Api.quote(receiver.url()), Api.quote(SECRET))).status()).isEqualTo(200);

        var wrong = admin.put(path("webhooks"), """
                [{"url": "https://hooks.example.com/a", "secret": %s},
                 {"url": "ftp://hooks.example.com/b", "secret": "short", "events": ["approved", "merged"]}]"""
                .formatted(Api.quote(SECRET)));

        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(wrong.object().getJsonArray("errors").stream().map(error -> error.asJsonObject().getString("field")))
                .containsExactly("webhooks[1].url", "webhooks[1].secret", "webhooks[1].events");
        assertThat(admin.get(path("webhooks")).json().asJsonArray()).singleElement()
                .satisfies(kept -> assertThat(kept.asJsonObject().getString("url")).isEqualTo(receiver.url()));
        assertThat(reviewer.get(path("webhooks")).status()).isEqualTo(403);
        assertThat(reviewer.get(path("webhooks/deliveries")).status()).isEqualTo(403);
        var changed = reviewer.put(path("webhooks"), "[]");
        assertThat(changed.status()).isEqualTo(403);
        assertThat(changed.object().getString("detail")).contains("admin").contains(environment);
        assertThat(admin.get(path("webhooks/deliveries?limit=many")).status()).isEqualTo(400);
        assertThat(admin.get("environments/nowhere-" + UUID.randomUUID().toString().substring(0, 8) + "/webhooks")
                .status()).isEqualTo(404);
        assertThat(admin.put(path("webhooks"), "[]").json().asJsonArray()).isEmpty();
    }
}
