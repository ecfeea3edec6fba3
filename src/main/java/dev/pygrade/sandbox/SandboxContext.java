package dev.pygrade.sandbox;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * A leased context with its captured output and its own thread. It can be cancelled from any
 * thread (the deadline, the heap watchdog); the reason is kept so that the failure the
 * executing thread then sees can be told apart from a crash.
 *
 * <p>Every call into the context runs on its thread ({@link #submit}): GraalPy delivers weak
 * reference callbacks and other asynchronous actions only to the thread that initialized the
 * context, so a context entered from several threads never runs them (a WeakSet keeps its dead
 * entries after gc.collect(), as it never does under CPython).
 */
public final class SandboxContext {
    /**
     * How long verification waits for the grading's threads to end: one that a grading joined
     * may still be unwinding, one that sleeps or loops is not worth waiting for.
     */
    private static final Duration THREAD_END_PATIENCE = Duration.ofMillis(200);
    private static final long STACK_BYTES = 64L * 1024 * 1024;
    private final ExecutorService thread;
    private volatile Thread worker;
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
        this.thread = Executors.newSingleThreadExecutor(work -> {
            Thread t = new Thread(null, work, "pygrade-context", STACK_BYTES);
            t.setDaemon(true);
            worker = t;
            return t;
        });
    }

    /** Runs work on the context's thread, the only one that enters the context. */
    <T> Future<T> submit(Callable<T> work) {
        return thread.submit(work);
    }

    /** Runs work on the context's thread and waits for it; its failure is rethrown as it was. */
    void run(Runnable work) {
        try {
            submit(() -> {
                work.run();
                return null;
            }).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the context ran grader code", interrupted);
        }
    }

    /** The context's thread, once it has run something; null before. */
    Thread worker() {
        return worker;
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
        thread.shutdownNow();
        if (storage != null) {
            try {
                storage.close();
            } catch (java.io.IOException ignored) {
                // an in-memory file system has nothing to flush
            }
        }
    }
}
