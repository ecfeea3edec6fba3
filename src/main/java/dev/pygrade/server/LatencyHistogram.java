package dev.pygrade.server;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram of seconds with fixed buckets, safe to observe from many threads. */
final class LatencyHistogram {
    /** From a warm pool's tens of milliseconds to a fresh context's seconds and a timeout's minute. */
    static final double[] BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

    private final LongAdder[] counts = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    LatencyHistogram() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void observe(double seconds) {
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                counts[i].increment();
                break;
            }
        }
        count.increment();
        sum.add(seconds);
    }

    long count() {
        return count.sum();
    }

    double sum() {
        return sum.sum();
    }

    /** Observations at or below each bucket's bound (cumulative, as the format wants). */
    long[] cumulative() {
        long[] cumulative = new long[BUCKETS.length];
        long running = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            running += counts[i].sum();
            cumulative[i] = running;
        }
        return cumulative;
    }
}
