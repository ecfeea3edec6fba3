package dev.pygrade.sandbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * A leased context with its captured output. It can be cancelled from any thread
 * (the deadline, the heap watchdog); the reason is kept so that the failure the
 * executing thread then sees can be told apart from a crash.
 */
public final class SandboxContext {
    /**
     * How long verification waits for the grading's threads to end: one that a grading joined
     * may still be unwinding, one that sleeps or loops is not worth waiting for.
     */
    private static final Duration THREAD_END_PATIENCE = Duration.ofMillis(200);
    private final Context context;
    private final OutputCapture output;
    private volatile SandboxPolicy policy;
    private final AtomicReference<StopReason> cancelled = new AtomicReference<>();
    private volatile boolean closed;
    private final boolean reusable;
    private final java.io.Closeable storage;
    private Value harness;
    private GuardRelay relay;
    private ThreadRelay threads;
    private TrustedFunction forget;
    private TrustedFunction verifyClean;
    private int gradings;

    SandboxContext(Context context, OutputCapture output, SandboxPolicy policy, java.io.Closeable storage,
            boolean reusable) {
        this.context = context;
        this.output = output;
        this.policy = policy;
        this.storage = storage;
        this.reusable = reusable;
    }

    /**
     * A new, unprepared context for gradings under this policy, with its output capture and, for
     * an exercise with files, a fresh in-memory file system; its first grading prepares it
     * (ContextPreparer). reusable: meant for more than one grading.
     */
    static SandboxContext build(SandboxEngine engine, SandboxPolicy policy, boolean reusable) {
        OutputCapture output = new OutputCapture(policy.maxOutputBytes());
        MemoryFileSystem storage = policy.files() ? MemoryFileSystem.create() : null;
        return new SandboxContext(engine.newContext(policy, output.stream(), storage), output, policy, storage,
                reusable);
    }

    /** Set by a pool that wants this context warmed and baselined when its first grading prepares it. */
    private volatile boolean warmOnPrepare;

    boolean warmOnPrepare() {
        return warmOnPrepare;
    }

    void warmOnPrepare(boolean warm) {
        this.warmOnPrepare = warm && reusable;
    }

    /** Whether this context is meant for more than one grading (it then records a baseline). */
    boolean reusable() {
        return reusable;
    }

    boolean prepared() {
        return harness != null;
    }

    void prepared(Value harness, GuardRelay relay, ThreadRelay threads, TrustedFunction forget,
            TrustedFunction verifyClean) {
        this.harness = harness;
        this.relay = relay;
        this.threads = threads;
        this.forget = forget;
        this.verifyClean = verifyClean;
    }

    Value harness() {
        return harness;
    }

    /** Starts a grading in this context, under that grading's limits. */
    void lease(SandboxPolicy grading) {
        this.policy = grading;
        output.limit(grading.maxOutputBytes());
        output.take();
        gradings++;
    }

    /** How many gradings this context has started. */
    int gradings() {
        return gradings;
    }

    /**
     * Ends a grading so that the context can serve another: null when the harness let go of
     * the grading and the baseline verified clean, else why the context must be discarded.
     * Runs grader code only (the trusted functions are checked first), on the calling thread.
     */
    String recycle() {
        String known = knownUnreusable();
        if (known != null) {
            return known;
        }
        if (!forget.intact() || !verifyClean.intact()) {
            return "the pool's verifier was rewritten";
        }
        harness.getMember("finish").execute();
        if (!threads.awaitNoneAlive(THREAD_END_PATIENCE)) {
            return "a thread it started was still running";
        }
        int startedBefore = threads.started();
        forget.call();
        Value answer = verifyClean.call();
        if (relay.taint() != null) {
            return relay.taint();
        }
        if (threads.started() != startedBefore) {
            return "a thread started while it was verified";  // by a weakref callback, say
        }
        return answer.isNull() ? null : answer.asString();
    }

    /**
     * Why this context cannot serve another grading, when that is known without running
     * anything in it (stopped, single-use, or it called an API the pool cannot verify); else null.
     */
    String knownUnreusable() {
        if (!usable()) {
            return "its grading was stopped";
        }
        if (!reusable || forget == null) {
            return "it is a single-use context";
        }
        return relay.taint();
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
    void closeWithin(Duration patience) {
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
