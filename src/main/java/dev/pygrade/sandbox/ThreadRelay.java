package dev.pygrade.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The host side of thread starts, where an exercise grants threads. The harness replaces
 * {@code _thread.start_new_thread} (wherever a loaded module holds it) by a function that calls
 * {@code relay(name, function, args)}; this starts the thread with the original, which lives
 * only here, and counts it as alive until {@code function} has returned or raised. Unlike
 * {@link GuardRelay} it never hands the original to Python code, so a count that candidate code
 * cannot forge or bypass says whether any of its threads still runs: a context whose threads
 * have all ended can be verified and reused like any other; one with a thread still alive cannot.
 */
final class ThreadRelay implements ProxyExecutable {
    /** At most this many candidate threads alive at once: a thread bomb gets a RuntimeError. */
    static final int MAX_ALIVE = 32;

    private final Map<String, Value> originals = new HashMap<>();
    private final AtomicInteger alive = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();

    /** Whether the API of that name (as the harness answers it) is a thread start, relayed here. */
    static boolean relays(String name) {
        return name.startsWith("_thread.");
    }

    /** Keeps the originals of the thread-start APIs. */
    void adopt(Map<String, Value> originalsByName) {
        originalsByName.forEach((name, original) -> {
            if (relays(name)) {
                originals.put(name, original);
            }
        });
    }

    /** Threads started since the context was built (a change tells that one started meanwhile). */
    int started() {
        return started.get();
    }

    /** Whether every candidate thread has ended, waiting at most {@code patience} for that. */
    boolean awaitNoneAlive(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (alive.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return alive.get() == 0;
            }
        }
        return true;
    }

    /**
     * @return the new thread's ident, or, when MAX_ALIVE threads are already running, the
     *         message of the RuntimeError that the harness raises instead
     */
    @Override
    public Object execute(Value... arguments) {
        Value original = originals.get(arguments[0].asString());
        if (original == null) {
            throw new IllegalStateException("no thread start called " + arguments[0]);
        }
        Value function = arguments[1];
        if (alive.incrementAndGet() > MAX_ALIVE) {
            alive.decrementAndGet();
            return "can't start new thread: a grading may run at most " + MAX_ALIVE + " threads at once";
        }
        started.incrementAndGet();
        ProxyExecutable body = threadArguments -> {
            try {
                return function.execute((Object[]) threadArguments);
            } finally {
                alive.decrementAndGet();
            }
        };
        try {
            return original.execute(body, arguments[2]);
        } catch (RuntimeException notStarted) {
            alive.decrementAndGet();
            throw notStarted;
        }
    }
}
