package dev.fireworks4j.routers.picker;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A long counter alone on its cache lines, so that threads updating the counters of different deployments
 * do not invalidate each other's lines (false sharing).
 */
final class PaddedCounter {

    /** Longs left unused on each side of the counter: 120 bytes, more than a line plus its prefetched pair. */
    private static final int PAD = 15;

    private final AtomicLongArray cells = new AtomicLongArray(2 * PAD + 1);

    long get() {
        return cells.get(PAD);
    }

    void increment() {
        cells.getAndIncrement(PAD);
    }

    void decrement() {
        cells.getAndDecrement(PAD);
    }
}
