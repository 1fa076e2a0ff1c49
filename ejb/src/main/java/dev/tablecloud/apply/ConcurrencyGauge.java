package dev.tablecloud.apply;

import java.util.concurrent.atomic.AtomicInteger;

/** How many steps run at this moment, and the most that ever ran at once: what the benchmark shows. */
final class ConcurrencyGauge {

    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    void enter() {
        most.accumulateAndGet(now.incrementAndGet(), Math::max);
    }

    void exit() {
        now.decrementAndGet();
    }

    int most() {
        return most.get();
    }
}
