package dev.tablecloud.webhook;

import com.sun.net.httpserver.HttpServer;
import dev.tablecloud.review.ReviewEvent;
import dev.tablecloud.secret.Digests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender against a real HTTP server on this machine: what arrives, how it is signed, how failures are retried. */
class WebhookSenderTest {

    private static final String SECRET = "a webhook secret of some length";
    private static final Backoff FAST = new Backoff(4, Duration.ofMillis(50), 2);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MemoryLog log = new MemoryLog();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private WebhookSender sender;

    record Received(Instant at, Map<String, String> headers, byte[] body) {
    }

    /** What the sender reported, per delivery. */
    static final class MemoryLog implements DeliveryLog {
        final Map<Long, List<AttemptData>> attempts = new ConcurrentHashMap<>();
        final Map<Long, Boolean> finished = new ConcurrentHashMap<>();

        @Override
        public void attempted(long deliveryId, AttemptData attempt) {
            attempts.computeIfAbsent(deliveryId, id -> new CopyOnWriteArrayList<>()).add(attempt);
        }

        @Override
        public void finished(long deliveryId, boolean delivered) {
            finished.put(deliveryId, delivered);
        }
    }

    @BeforeEach
    void startSender() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(WebhookSender.CONNECT_TIMEOUT).executor(executor).build();
        sender = new WebhookSender(http, FAST, scheduler, executor, log);
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    /** A receiver on 127.0.0.1 that answers each post with the status the supplier gives. */
    private String receiverAnswering(IntSupplier status) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(Instant.now(), headers, body));
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static ReviewEvent event(long id, String kind) {
        return new ReviewEvent(id, "staging", 7, 12, kind, "bob", 1, kind.equals("commented") ? "Looks \"fine\" ✓" : null,
                Instant.parse("2026-12-01T10:15:30Z"));
    }

    @Test
    void signsWithGitHubsScheme() {
        assertThat(WebhookSender.signature("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void eachEventArrivesOnceSignedOverItsExactBody() throws Exception {
        String url = receiverAnswering(() -> 204);
        List<ReviewEvent> events = List.of(event(1, "opened"), event(2, "approved"), event(3, "commented"));

        for (ReviewEvent event : events) {
            assertThat(sender.send(new Outgoing(100 + event.id(), url, SECRET, event.kind()), WebhookPayload.of(event))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(received).hasSize(3);
        for (int i = 0; i < events.size(); i++) {
            Received post = received.get(i);
            ReviewEvent event = events.get(i);
            assertThat(post.body()).isEqualTo(WebhookPayload.of(event));
            assertThat(post.headers()).containsEntry("x-tablecloud-event", event.kind())
                    .containsEntry("x-tablecloud-delivery", String.valueOf(100 + event.id()))
                    .containsEntry("x-tablecloud-signature", "sha256=" + Digests.hmacSha256Hex(SECRET, post.body()))
                    .containsEntry("content-type", "application/json");
            assertThat(log.attempts.get(100 + event.id())).singleElement()
                    .satisfies(attempt -> assertThat(attempt.httpStatus()).isEqualTo(204))
                    .satisfies(attempt -> assertThat(attempt.error()).isNull());
            assertThat(log.finished).containsEntry(100 + event.id(), true);
        }
        assertThat(new String(received.get(2).body(), StandardCharsets.UTF_8)).isEqualTo("""
                {"id":3,"kind":"commented","environment":"staging","reviewId":7,"review":"/reviews/7",\
                "transactionId":12,"actor":"bob","revision":1,"detail":"Looks \\"fine\\" ✓",\
                "at":"2026-12-01T10:15:30Z"}""");
    }

    @Test
    void aFailingReceiverIsTriedFourTimesWithGrowingWaitsThenRecordedFailed() throws Exception {
        String url = receiverAnswering(() -> 500);

        long started = System.nanoTime();
        var delivery = sender.send(new Outgoing(1, url, SECRET, "approved"), WebhookPayload.of(event(1, "approved")))
                .toCompletableFuture();
        long sendMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(sendMillis).as("send returns before any wait").isLessThan(50 + 100 + 200);
        assertThat(delivery.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(received).hasSize(4);
        assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        assertThat(Duration.between(received.get(1).at(), received.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(95));
        assertThat(Duration.between(received.get(2).at(), received.get(3).at())).isGreaterThanOrEqualTo(Duration.ofMillis(195));
        assertThat(received).extracting(post -> post.headers().get("x-tablecloud-delivery")).containsOnly("1");
        assertThat(log.attempts.get(1L)).extracting(AttemptData::number).containsExactly(1, 2, 3, 4);
        assertThat(log.attempts.get(1L)).extracting(AttemptData::httpStatus).containsOnly(500);
        assertThat(log.attempts.get(1L)).extracting(AttemptData::error).containsOnly("The receiver answered HTTP 500.");
        assertThat(log.finished).containsEntry(1L, false);
    }

    @Test
    void aClosedPortIsRetriedAndRecordedWithoutAnAnswer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        var delivery = sender.send(new Outgoing(2, "http://127.0.0.1:" + closedPort + "/hook", SECRET, "opened"),
                WebhookPayload.of(event(1, "opened"))).toCompletableFuture();

        assertThat(delivery).isNotDone();
        assertThat(delivery.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(log.attempts.get(2L)).hasSize(4).allSatisfy(attempt -> {
            assertThat(attempt.httpStatus()).isNull();
            assertThat(attempt.error()).startsWith("No connection to 127.0.0.1:" + closedPort);
        });
        assertThat(log.finished).containsEntry(2L, false);
    }

    @Test
    void aReceiverThatRecoversGetsTheDeliveryOnALaterAttempt() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        String url = receiverAnswering(() -> posts.incrementAndGet() < 3 ? 503 : 200);

        assertThat(sender.send(new Outgoing(3, url, SECRET, "committed"), WebhookPayload.of(event(9, "committed")))
                .toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();

        assertThat(log.attempts.get(3L)).extracting(AttemptData::httpStatus).containsExactly(503, 503, 200);
        assertThat(log.finished).containsEntry(3L, true);
        assertThat(received).hasSize(3).extracting(Received::body).allSatisfy(body ->
                assertThat(body).isEqualTo(WebhookPayload.of(event(9, "committed"))));
    }

    @Test
    void aLogThatCannotWriteChangesNothingThatIsSent() throws Exception {
        String url = receiverAnswering(() -> 200);
        DeliveryLog broken = new DeliveryLog() {
            @Override
            public void attempted(long deliveryId, AttemptData attempt) {
                throw new IllegalStateException("control database down");
            }

            @Override
            public void finished(long deliveryId, boolean delivered) {
                throw new IllegalStateException("control database down");
            }
        };
        WebhookSender withBrokenLog = new WebhookSender(HttpClient.newHttpClient(), FAST, scheduler, executor, broken);

        assertThat(withBrokenLog.send(new Outgoing(4, url, SECRET, "stale"), WebhookPayload.of(event(4, "stale")))
                .toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received).hasSize(1);
    }
}
