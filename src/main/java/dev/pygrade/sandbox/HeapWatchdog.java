package dev.pygrade.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Set;
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

    private final Set<SandboxContext> watched = ConcurrentHashMap.newKeySet();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long limitBytes;
    private final Thread thread;
    private volatile boolean running = true;

    /** limitBytes: the heap use that counts as a memory bomb (at most 85% of -Xmx). */
    public HeapWatchdog(long limitBytes) {
        long max = Runtime.getRuntime().maxMemory();
        this.limitBytes = Math.min(limitBytes, (long) (max * 0.85));
        this.thread = Thread.ofPlatform().daemon().name("pygrade-heap-watchdog").start(this::watchLoop);
    }

    public long limitBytes() {
        return limitBytes;
    }

    void watch(SandboxContext context) {
        watched.add(context);
    }

    void forget(SandboxContext context) {
        watched.remove(context);
    }

    private void watchLoop() {
        while (running) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
            if (watched.isEmpty() || memory.getHeapMemoryUsage().getUsed() < limitBytes) {
                continue;
            }
            System.gc();
            if (memory.getHeapMemoryUsage().getUsed() >= limitBytes) {
                for (SandboxContext context : watched) {
                    context.cancel(StopReason.MEMORY);
                }
                watched.clear();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
