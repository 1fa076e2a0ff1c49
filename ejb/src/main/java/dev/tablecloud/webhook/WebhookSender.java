package dev.tablecloud.webhook;

import dev.tablecloud.secret.Digests;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts deliveries and retries them with exponential backoff until a receiver answers 2xx or the
 * attempts run out, reporting each attempt and the outcome to a {@link DeliveryLog}. Nothing
 * waits on a thread: requests are asynchronous and the waits between attempts are scheduled, so a
 * dead receiver holds no thread that commits and syncs need. {@link #send} returns at once and
 * never throws.
 */
final class WebhookSender {

    static final String EVENT_HEADER = "X-Tablecloud-Event";
    static final String DELIVERY_HEADER = "X-Tablecloud-Delivery";
    static final String SIGNATURE_HEADER = "X-Tablecloud-Signature";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    private final HttpClient http;
    private final Retry retry;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final DeliveryLog log;

    /**
     * @param http      built with {@link #CONNECT_TIMEOUT} (and, in the server, the managed executor)
     * @param scheduler runs the waits between attempts
     * @param executor  runs what follows an answer: reporting it to the log
     */
    WebhookSender(HttpClient http, Backoff backoff, ScheduledExecutorService scheduler, Executor executor,
                  DeliveryLog log) {
        this.http = http;
        this.scheduler = scheduler;
        this.executor = executor;
        this.log = log;
        this.retry = Retry.of("webhook", RetryConfig.<AttemptData>custom()
                .maxAttempts(backoff.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff.firstWait(), backoff.multiplier()))
                .retryOnResult(attempt -> !attempt.delivered())
                // An attempt reports the receiver's failures as its result; failing itself means ours.
                .retryOnException(failure -> false)
                .build());
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret. */
    static String signature(String secret, byte[] body) {
        return "sha256=" + Digests.hmacSha256Hex(secret, body);
    }

    /** Starts the delivery; the stage completes with whether it was delivered, after its outcome is logged. */
    CompletionStage<Boolean> send(Outgoing delivery, byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Tablecloud-Webhook")
                    .header(EVENT_HEADER, delivery.kind())
                    .header(DELIVERY_HEADER, String.valueOf(delivery.deliveryId()))
                    .header(SIGNATURE_HEADER, signature(delivery.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            AtomicInteger attempts = new AtomicInteger();
            return retry.executeCompletionStage(scheduler,
                            () -> attempt(delivery, request, attempts.incrementAndGet()))
                    .thenApply(last -> finish(delivery, last.delivered()))
                    .exceptionally(failure -> {
                        LOG.log(Level.WARNING, "Webhook " + delivery + " stopped: " + failure, failure);
                        return finish(delivery, false);
                    });
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Webhook " + delivery + " not sent: " + failure, failure);
            return CompletableFuture.completedFuture(finish(delivery, false));
        }
    }

    private CompletionStage<AttemptData> attempt(Outgoing delivery, HttpRequest request, int number) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> answer;
        try {
            answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException failure) {
            answer = CompletableFuture.failedFuture(failure);
        }
        return answer.handleAsync((response, failure) -> {
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            AttemptData attempt = response != null
                    ? new AttemptData(number, startedAt, millis, response.statusCode(), errorOf(response.statusCode()))
                    : new AttemptData(number, startedAt, millis, null, errorOf(request.uri(), failure));
            reporting(delivery, () -> log.attempted(delivery.deliveryId(), attempt));
            return attempt;
        }, executor);
    }

    private boolean finish(Outgoing delivery, boolean delivered) {
        reporting(delivery, () -> log.finished(delivery.deliveryId(), delivered));
        return delivered;
    }

    /** A log that cannot write (the control database is down) must not change what is sent. */
    private static void reporting(Outgoing delivery, Runnable report) {
        try {
            report.run();
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Could not record the outcome of webhook " + delivery + ": " + failure, failure);
        }
    }

    static String errorOf(int status) {
        return status >= 200 && status < 300 ? null : "The receiver answered HTTP " + status + ".";
    }

    static String errorOf(URI uri, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String where = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (cause instanceof HttpConnectTimeoutException) {
            return "No connection to " + where + " within " + CONNECT_TIMEOUT.toSeconds() + " s.";
        }
        if (cause instanceof HttpTimeoutException) {
            return "No answer from " + where + " within " + ANSWER_TIMEOUT.toSeconds() + " s.";
        }
        if (cause instanceof ConnectException) {
            return "No connection to " + where + ": " + (cause.getMessage() == null ? "refused" : cause.getMessage())
                    + ".";
        }
        if (cause instanceof IOException) {
            return "No answer from " + where + ": " + cause + ".";
        }
        return "Not sent to " + where + ": " + cause + ".";
    }
}
