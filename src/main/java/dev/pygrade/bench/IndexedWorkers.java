package dev.pygrade.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Platform threads that share the indexes {@code from} to {@code to - 1}, each taken once, and are waited for. */
final class IndexedWorkers {
    private IndexedWorkers() {
    }

    static void run(String name, int workers, int from, int to, IntConsumer work) {
        AtomicInteger next = new AtomicInteger(from);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < Math.min(workers, Math.max(1, to - from)); w++) {
            threads.add(Thread.ofPlatform().name(name + "-" + (w + 1)).start(() -> {
                int index;
                while ((index = next.getAndIncrement()) < to) {
                    work.accept(index);
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
