package dev.pygrade.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GraalPy's community edition has no per-context heap limit, and a list that grows
 * without end takes the whole JVM down. This daemon samples the heap every few
 * milliseconds; past the limit it asks for a collection, and if the heap is still
 * past it, cancels every watched context with {@link StopReason#MEMORY} before the
 * JVM runs out. Which context is guilty cannot be told inside one JVM, so gradings
 * that must not pay for a neighbour run one at a time per JVM.
 */
public final class HeapWatchdog implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 5;
    private static final long MIN_GC_INTERVAL_NANOS = 200_000_000L;

    /** A watched grading: the heap in use when it started, and how much more it may take. */
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
    private long lastCollection;

    /** limitBytes: heap use that is always too much, whatever the budgets (at most 85% of -Xmx). */
    public HeapWatchdog(long limitBytes) {
        long max = Runtime.getRuntime().maxMemory();
        this.limitBytes = Math.min(limitBytes, (long) (max * 0.85));
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
        watched.put(context, new Budget(heapAfterLastCollection(), allowedBytes));
    }

    void forget(SandboxContext context) {
        watched.remove(context);
    }

    /** What the heap held after the last collection: live data, not garbage. */
    private long heapAfterLastCollection() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live > 0 ? live : memory.getHeapMemoryUsage().getUsed();
    }

    private void watchLoop() {
        while (running) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
            if (watched.isEmpty()) {
                continue;
            }
            long before = memory.getHeapMemoryUsage().getUsed();
            // Garbage counts until a collection says otherwise; a full collection is dear, so
            // below the hard limit it is asked for at most every MIN_GC_INTERVAL.
            boolean overBudget = before >= threshold() && System.nanoTime() - lastCollection >= MIN_GC_INTERVAL_NANOS;
            if (before < limitBytes && !overBudget) {
                continue;
            }
            System.gc();
            lastCollection = System.nanoTime();
            long used = memory.getHeapMemoryUsage().getUsed();
            watched.forEach((context, budget) -> {
                if (used >= limitBytes || used >= budget.ceiling()) {
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
