package dev.pygrade.sandbox;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** The host's full collection still collects where System.gc() is disabled, as the tests' JVM has it. */
class FullCollectionTest {
    @Test
    void collectsTheHeapEvenWithExplicitCollectionsDisabled() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        assertTrue(runtime.getInputArguments().contains("-XX:+DisableExplicitGC"),
                "the tests run with the flags of the launcher and the workers: " + runtime.getInputArguments());
        long before = collections();
        WeakReference<Object> unreachable = new WeakReference<>(new byte[1024]);
        FullCollection.run();
        assertTrue(collections() > before, "no collection ran");
        assertNull(unreachable.get(), "an unreachable object survived the full collection");
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
