package dev.pygrade.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GraalPy's community edition has no per-context heap limit, and a list that grows
 * without end takes the whole JVM down. This daemon samples the old generation (where a
 * hoard ends up) every few milliseconds; when it holds more than a grading's budget above what
 * it held when the grading started, it asks for a full collection (at most every 100 ms below
 * its hard limit), and if the data is still there cancels that grading with
 * {@link StopReason#MEMORY} before the JVM runs out. Which context is guilty cannot be told
 * inside one JVM, so gradings that must not pay for a neighbour run one at a time per worker JVM.
 */
public final class HeapWatchdog implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 5;
    private static final long MIN_GC_INTERVAL_NANOS = 100_000_000L;

    /** A watched grading: the data retained when it started, and how much more it may hold. */
    private record Budget(long baselineBytes, long allowedBytes) {
        long ceiling() {
            return baselineBytes + allowedBytes;
        }
    }

    private final Map<SandboxContext, Budget> watched = new ConcurrentHashMap<>();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long limitBytes;
    private final Thread thread;
    private volatile boolean running = true;
    private final MemoryPoolMXBean oldGeneration = findOldGeneration();
    private volatile long lastCollection;

    /**
     * limitBytes: heap use that is always too much, whatever the budgets (at most 85% of what
     * the old generation can hold: a hoard lives there, and a collector that sizes it below
     * -Xmx, as the parallel one does, runs out of it first).
     */
    public HeapWatchdog(long limitBytes) {
        this.limitBytes = Math.min(limitBytes, (long) (capacity() * 0.85));
        this.thread = Thread.ofPlatform().daemon().name("pygrade-heap-watchdog").start(this::watchLoop);
    }

    public long limitBytes() {
        return limitBytes;
    }

    /**
     * Watches a grading that may hold {@code allowedBytes} more than the heap held by then.
     * Heap use cannot be attributed to one context: where gradings share a JVM, one that
     * goes over may stop another; worker JVMs that grade one at a time make it exact.
     */
    void watch(SandboxContext context, long allowedBytes) {
        long baseline = retained();
        if (baseline > limitBytes / 2) {
            // The hoard of a grading stopped a moment ago may still be there: measure what lives.
            collect();
            baseline = retained();
        }
        watched.put(context, new Budget(baseline, allowedBytes));
    }

    void forget(SandboxContext context) {
        watched.remove(context);
    }

    /**
     * Data that survived collections: the old generation (a memory bomb's hoard ends up there;
     * short-lived garbage does not), or the whole heap where no old generation can be told.
     */
    private long retained() {
        return oldGeneration == null ? memory.getHeapMemoryUsage().getUsed() : oldGeneration.getUsage().getUsed();
    }

    private synchronized void collect() {
        FullCollection.run();
        lastCollection = System.nanoTime();
    }

    /** What the old generation can hold, or the whole heap where it cannot be told. */
    private long capacity() {
        long max = Runtime.getRuntime().maxMemory();
        long old = oldGeneration == null ? -1 : oldGeneration.getUsage().getMax();
        return old > 0 ? Math.min(old, max) : max;
    }

    private static MemoryPoolMXBean findOldGeneration() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                return pool;
            }
        }
        return null;
    }

    private void watchLoop() {
        while (running) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
            long retained = retained();
            if (watched.isEmpty() || retained < threshold()) {
                continue;
            }
            // Promoted garbage counts until a full collection says otherwise; it is dear, so
            // it is asked for at most every MIN_GC_INTERVAL, but not past the limit: there a
            // bomb that started just after the last collection would run the heap out first.
            if (retained < limitBytes && System.nanoTime() - lastCollection < MIN_GC_INTERVAL_NANOS) {
                continue;
            }
            collect();
            long live = retained();
            watched.forEach((context, budget) -> {
                if (live >= limitBytes || live >= budget.ceiling()) {
                    context.cancel(StopReason.MEMORY);
                    watched.remove(context);
                }
            });
        }
    }

    private long threshold() {
        long lowest = limitBytes;
        for (Budget budget : watched.values()) {
            lowest = Math.min(lowest, budget.ceiling());
        }
        return lowest;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
