package dev.tablecloud.aws;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsSessionTest {

    private static final AwsConnection CONNECTION = new AwsConnection("us-east-1", URI.create("http://127.0.0.1:1"),
            new AwsCredentials.AccessKey("testing", "testing"));

    @Test
    void perResourceReadsOverlapAndKeepTheItemsOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (AwsSession aws = new AwsSession(CONNECTION, pool)) {
            List<Integer> items = IntStream.range(0, 40).boxed().toList();

            List<Integer> doubled = aws.perResource(items, item -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(20);
                running.decrementAndGet();
                return item * 2;
            });

            assertThat(doubled).containsExactlyElementsOf(items.stream().map(i -> i * 2).toList());
            assertThat(most.get()).isBetween(2, AwsSession.PER_RESOURCE_PARALLELISM);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyThePickedItemsAreReadAndTheOthersTakenAsListedInTheItemsOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> read = new CopyOnWriteArrayList<>();
        try (AwsSession aws = new AwsSession(CONNECTION, pool)) {
            List<String> results = aws.perResource(List.of(1, 2, 3, 4, 5, 6), item -> item % 3 == 0, item -> {
                read.add(item);
                return "read " + item;
            }, item -> "listed " + item);

            assertThat(results).containsExactly("listed 1", "listed 2", "read 3", "listed 4", "listed 5", "read 6");
            assertThat(read).containsExactlyInAnyOrder(3, 6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCallerFinishesTheReadsWhenEveryPooledThreadIsBusy() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> {
            release.await();
            return null;
        });
        try (AwsSession aws = new AwsSession(CONNECTION, pool)) {
            assertThat(aws.perResource(List.of(1, 2, 3), item -> item + 1)).containsExactly(2, 3, 4);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedReadFailsTheWhole() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (AwsSession aws = new AwsSession(CONNECTION, pool)) {
            assertThatThrownBy(() -> aws.perResource(List.of(1, 2, 3, 4), item -> {
                if (item == 3) {
                    throw new IllegalStateException("refused: 3");
                }
                return item;
            })).hasMessage("refused: 3");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
