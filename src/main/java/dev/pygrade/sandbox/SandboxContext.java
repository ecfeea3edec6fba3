package dev.pygrade.sandbox;

import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;

/**
 * A leased context with its captured output. It can be cancelled from any thread
 * (the deadline, the heap watchdog); the reason is kept so that the failure the
 * executing thread then sees can be told apart from a crash.
 */
public final class SandboxContext {
    private final Context context;
    private final OutputCapture output;
    private final SandboxPolicy policy;
    private final AtomicReference<StopReason> cancelled = new AtomicReference<>();
    private volatile boolean closed;

    private final java.io.Closeable storage;

    SandboxContext(Context context, OutputCapture output, SandboxPolicy policy, java.io.Closeable storage) {
        this.context = context;
        this.output = output;
        this.policy = policy;
        this.storage = storage;
    }

    Context context() {
        return context;
    }

    OutputCapture output() {
        return output;
    }

    public SandboxPolicy policy() {
        return policy;
    }

    /** Stops whatever runs in the context; the context is unusable afterwards. */
    public void cancel(StopReason reason) {
        if (cancelled.compareAndSet(null, reason)) {
            Thread.ofPlatform().daemon().name("pygrade-cancel").start(this::closeCancelling);
        }
    }

    StopReason cancelReason() {
        return cancelled.get();
    }

    boolean usable() {
        return cancelled.get() == null && !closed;
    }

    void markDead() {
        closed = true;
    }

    /**
     * Closes on a separate thread and waits at most {@code patience}: closing waits for every
     * thread of the context, and a thread stuck in one huge computation (10 ** 10 ** 8) ignores
     * cancellation until it is done. The grading must not wait for it.
     */
    void closeWithin(java.time.Duration patience) {
        Thread closer = Thread.ofPlatform().daemon().name("pygrade-close").start(this::closeCancelling);
        try {
            closer.join(patience);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void closeCancelling() {
        closed = true;
        try {
            context.close(true);
        } catch (RuntimeException alreadyGone) {
            // closing a context that failed or exited may throw; it is closed either way
        }
        if (storage != null) {
            try {
                storage.close();
            } catch (java.io.IOException ignored) {
                // an in-memory file system has nothing to flush
            }
        }
    }
}
