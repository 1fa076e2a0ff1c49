package dev.tablecloud.aws;

import dev.tablecloud.failure.CloudRefusedException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The clients of one piece of work against one environment's account (a sync, a commit): one
 * client per service and region, shared by the threads of that work, and a count of the calls
 * made, so that reports and benchmarks can show how many requests the work cost.
 */
public final class AwsSession implements AutoCloseable {

    private static final Pattern READ_OPERATION = Pattern.compile("Describe|List|Get|Head");

    /** Per-resource reads of one resource type under way at once, at most. */
    public static final int PER_RESOURCE_PARALLELISM = 8;

    private final AwsConnection connection;
    private final ExecutorService perResourceReads;
    /** One provider for every client of the session: an assumed role is assumed once. */
    private final AwsCredentialsProvider credentials;
    private final AtomicLong calls = new AtomicLong();
    private final Map<String, AtomicLong> callsByOperation = new ConcurrentHashMap<>();
    /** Every client the session made, by service and region: all closed with the session. */
    private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Object>> shared = new ConcurrentHashMap<>();
    private boolean closed;
    /** The session's count, then the observers it was given: what every client of the session is built with. */
    private final List<ExecutionInterceptor> interceptors;
    private final ExecutionInterceptor counter = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            if (operation != null && !READ_OPERATION.matcher(operation).lookingAt()) {
                // A write changes what shared reads returned: the next read must ask the cloud again.
                shared.clear();
            }
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            calls.incrementAndGet();
            String operation = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            callsByOperation.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
        }
    };

    public AwsSession(AwsConnection connection) {
        this(connection, null);
    }

    /**
     * @param perResourceReads threads for the reads AWS offers only one resource per call (a VPC's
     *                         DNS settings, an instance's user data), so that they overlap; null to
     *                         make them one after another
     */
    public AwsSession(AwsConnection connection, ExecutorService perResourceReads) {
        this(connection, perResourceReads, List.of());
    }

    /**
     * @param observers told of every call the session's clients make, after the session's own count
     *                  (a trace, or a test's record of the requests sent)
     */
    public AwsSession(AwsConnection connection, ExecutorService perResourceReads,
                      List<ExecutionInterceptor> observers) {
        this.connection = connection;
        this.credentials = AwsClients.credentials(connection);
        this.perResourceReads = perResourceReads;
        List<ExecutionInterceptor> all = new ArrayList<>(List.of(counter));
        all.addAll(observers);
        this.interceptors = List.copyOf(all);
    }

    /**
     * Reads something of each item, up to {@link #PER_RESOURCE_PARALLELISM} at once when the session
     * has threads for it, and returns the results in the items' order. The calling thread takes
     * items too, so the reads finish even when every pooled thread is busy with other work.
     */
    public <T, R> List<R> perResource(List<T> items, Function<T, R> read) {
        if (perResourceReads == null || items.size() < 2) {
            return items.stream().map(read).toList();
        }
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(items.size());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        results[i] = read.apply(items.get(i));
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(PER_RESOURCE_PARALLELISM, items.size()); i++) {
            helpers.add(perResourceReads.submit(worker));
        }
        worker.run();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading from the cloud", e);
        } finally {
            helpers.forEach(helper -> helper.cancel(false));
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return Collections.unmodifiableList(list);
    }

    /**
     * {@link #perResource(List, Function)} for the items {@code detailed} picks only; the others are
     * turned into results by {@code listed}, which calls nothing. Results keep the items' order.
     */
    public <T, R> List<R> perResource(List<T> items, Predicate<T> detailed, Function<T, R> read,
                                      Function<T, R> listed) {
        List<T> picked = items.stream().filter(detailed).toList();
        Iterator<R> reads = perResource(picked, read).iterator();
        return items.stream().map(item -> detailed.test(item) ? reads.next() : listed.apply(item)).toList();
    }

    public AwsConnection connection() {
        return connection;
    }

    /**
     * The session's client of {@code type} (Ec2Client, S3Client …) for {@code region}: made on first
     * use with the SDK's own builder, the session's credentials and count, and the connection's
     * endpoint, then shared by every thread of the work. A global service (Route 53) has one client
     * whatever the region. A bucket's own calls (create with a location, policy, tags) go to the S3
     * client of the bucket's region: AWS answers them only there.
     */
    public <C extends SdkClient> C client(Class<C> type, String region) {
        ClientKey key = new ClientKey(type, AwsClients.regionFor(type, region));
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The AWS session of this work is closed");
            }
        }
        return type.cast(clients.computeIfAbsent(key,
                k -> AwsClients.client(type, connection, k.region(), credentials, interceptors)));
    }

    /**
     * The client of {@code type} in the connection's default region: for global services, STS, and
     * S3's ListBuckets, which lists the buckets of every region.
     */
    public <C extends SdkClient> C client(Class<C> type) {
        return client(type, connection.region());
    }

    private record ClientKey(Class<? extends SdkClient> type, String region) {
    }

    /** Runs a call (or a paginated read) and names the endpoint if it fails. */
    public <T> T call(String service, String operation, Supplier<T> call) {
        return CloudCalls.call(connection, service, operation, call);
    }

    /**
     * Runs a delete; a resource that is already gone counts as deleted, so that a delete repeated
     * after a crash or by an undo succeeds.
     */
    public void delete(String service, String operation, Runnable call) {
        try {
            call(service, operation, () -> {
                call.run();
                return null;
            });
        } catch (CloudRefusedException e) {
            if (!e.resourceIsGone()) {
                throw e;
            }
        }
    }

    /**
     * Runs a read once per session and key, however many tables need it (instances and their
     * security group links come from the same DescribeInstances pages). Any write call through the
     * session forgets these reads, so a commit that reads back what it wrote sees it.
     */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Supplier<T> read) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = shared.putIfAbsent(key, mine);
        if (first != null) {
            try {
                return (T) first.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            T value = read.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** HTTP requests sent so far, retries included. */
    public long calls() {
        return calls.get();
    }

    /** {@link #calls()} by operation (DescribeVpcs, DescribeVpcAttribute …), in no order. */
    public Map<String, Long> callsByOperation() {
        Map<String, Long> counts = new HashMap<>();
        callsByOperation.forEach((operation, count) -> counts.put(operation, count.get()));
        return counts;
    }

    @Override
    public synchronized void close() {
        closed = true;
        clients.values().forEach(SdkClient::close);
        clients.clear();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
