package dev.pygrade.sandbox;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warm contexts, reused only when proven clean. A context is prepared once (harness,
 * hardening, the standard library the exercises import, a baseline of the shared state);
 * after each grading the harness lets go of it, the modules it added are removed, and the
 * baseline is verified. Anything the verification cannot vouch for (a stopped grading,
 * tampering, an unverifiable API called, any difference from the baseline, too many uses)
 * closes the context instead, and a new one is warmed in the background.
 *
 * <p>Contexts differ in what the context itself allows (threads, a file system) and in what
 * its harness was prepared for (tracing, asyncio): each such kind has its own idle list.
 * Contexts with a file system are single-use: their files would outlive the grading. So is,
 * in a pool that keeps no spares (a single {@code grade}), a context built for a grading that
 * found none ready: it skips the warm imports and the baseline, which would only delay it.
 */
public final class WarmContextPool implements ContextPool {
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(2);
    private static final Duration RECYCLE_LIMIT = Duration.ofSeconds(10);
    /** PYGRADE_POOL_LOG set: each discarded context is logged to stderr with the reason. */
    private static final boolean LOG = System.getenv("PYGRADE_POOL_LOG") != null;
    /** The longest a warm import waits for running gradings: warming must progress on a busy pool too. */
    private static final Duration MAX_YIELD = Duration.ofMillis(500);
    /**
     * How long a lease waits for a context of its kind that is being verified, rather than build
     * one: verifying takes a fraction of a second, building and warming a context seconds, and a
     * pool that built one whenever its own contexts were still being verified would grow without end.
     * On a loaded machine verifying can take over a second, hence a wait of several (docs/bench.md).
     * Contexts already known unusable are never waited for.
     */
    private static final Duration RECYCLED_WAIT = Duration.ofSeconds(3);

    /** What a context was built and prepared for: contexts of one kind serve each other's gradings. */
    private record Kind(boolean threads, boolean files, boolean tracing, boolean asyncio, List<String> warm) {
        static Kind of(SandboxPolicy policy) {
            return new Kind(policy.threads(), policy.files(), policy.tracing(), policy.asyncio(), policy.warm());
        }

        /** Whether a context of this kind can serve gradings of that one: same capabilities, warm set included. */
        boolean serves(Kind other) {
            return threads == other.threads && files == other.files && tracing == other.tracing
                    && asyncio == other.asyncio && warm.containsAll(other.warm);
        }
    }

    private final SandboxEngine engine;
    private final HeapWatchdog watchdog;
    private final int maxGradings;
    private volatile int spares;
    private final Map<Kind, ConcurrentLinkedDeque<SandboxContext>> idle = new ConcurrentHashMap<>();
    private final Map<SandboxContext, Kind> kinds = new ConcurrentHashMap<>();
    /** When a context of each kind was last leased (System.nanoTime()). */
    private final Map<Kind, Long> lastUsed = new ConcurrentHashMap<>();
    private final ExecutorService warmer;
    /**
     * Verifies released contexts, one thread per processor: with a single thread, in-process
     * gradings on several workers queued behind one verification at a time.
     */
    private final ExecutorService recycler;
    /** Work queued on the recycler and not yet done: settle() waits for none. */
    private final AtomicInteger recyclerWork = new AtomicInteger();
    private final AtomicInteger leased = new AtomicInteger();
    /** The most contexts leased at once so far: with the spares, how many idle ones are worth keeping. */
    private final AtomicInteger peakLeased = new AtomicInteger();
    /** Contexts of each kind released and not yet verified. */
    private final Map<Kind, AtomicInteger> recycling = new ConcurrentHashMap<>();
    /** Notified whenever a context becomes idle, or a verification ends either way. */
    private final Object returned = new Object();
    private final AtomicInteger warming = new AtomicInteger();
    /** Gradings whose candidate code runs now, under a time limit. */
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final Map<String, AtomicLong> discardReasons = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param maxGradings a context retires after this many gradings
     * @param spares      warm contexts to keep ready per kind in use (0: warm only on demand)
     */
    public WarmContextPool(SandboxEngine engine, HeapWatchdog watchdog, int maxGradings, int spares) {
        if (maxGradings < 1 || spares < 0) {
            throw new IllegalArgumentException("maxGradings must be positive and spares not negative");
        }
        this.engine = engine;
        this.watchdog = watchdog;
        this.maxGradings = maxGradings;
        this.spares = spares;
        this.warmer = Executors.newSingleThreadExecutor(work -> daemon(work, "pygrade-warmer"));
        this.recycler = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                work -> daemon(work, "pygrade-recycler"));
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(null, work, name, 64L * 1024 * 1024);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public SandboxContext lease(SandboxPolicy policy) {
        Kind kind = Kind.of(policy);
        lastUsed.put(kind, System.nanoTime());
        SandboxContext context = takeIdle(kind);
        Kind home = kind;
        if (context == null) {
            // one warmed for another exercise with the same capabilities and every module this
            // one imports (a module imported by a grading can change the baseline's: logging
            // registers with atexit, and the context is lost)
            for (Map.Entry<Kind, ConcurrentLinkedDeque<SandboxContext>> other : idle.entrySet()) {
                if (other.getKey().serves(kind) && (context = other.getValue().pollFirst()) != null) {
                    home = other.getKey();
                    break;
                }
            }
        }
        if (context == null) {
            // None ready: a pool that keeps spares (a batch, a server) warms this one for reuse
            // as its grading starts; a pool without (one 'grade') makes it single-use and quick.
            context = build(policy);
            context.warmOnPrepare(spares > 0);
        }
        handOut(context, home, policy);
        topUp(kind, policy);
        return context;
    }

    /** An idle context of this kind, waiting (a little) for one being verified; null if none. */
    private SandboxContext takeIdle(Kind kind) {
        ConcurrentLinkedDeque<SandboxContext> ready = idleOf(kind);
        long deadline = System.nanoTime() + RECYCLED_WAIT.toNanos();
        synchronized (returned) {
            while (true) {
                SandboxContext context = ready.pollFirst();
                long left = deadline - System.nanoTime();
                if (context != null || left <= 0 || recyclingOf(kind).get() == 0 || closed) {
                    return context;
                }
                try {
                    returned.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return ready.pollFirst();
                }
            }
        }
    }

    /** The idle contexts of one kind, most recently verified first. */
    private ConcurrentLinkedDeque<SandboxContext> idleOf(Kind kind) {
        return idle.computeIfAbsent(kind, k -> new ConcurrentLinkedDeque<>());
    }

    private AtomicInteger recyclingOf(Kind kind) {
        return recycling.computeIfAbsent(kind, k -> new AtomicInteger());
    }

    private void signalReturned() {
        synchronized (returned) {
            returned.notifyAll();
        }
    }

    private void handOut(SandboxContext context, Kind kind, SandboxPolicy policy) {
        kinds.put(context, kind);
        context.lease(policy);
        peakLeased.accumulateAndGet(leased.incrementAndGet(), Math::max);
        watchdog.watch(context, policy.memoryBytes());
    }

    @Override
    public SandboxContext leaseUnused(SandboxPolicy policy) {
        Kind kind = Kind.of(policy);
        lastUsed.put(kind, System.nanoTime());
        ConcurrentLinkedDeque<SandboxContext> ready = idleOf(kind);
        for (SandboxContext candidate : ready) {
            if (candidate.gradings() == 0 && ready.remove(candidate)) {
                handOut(candidate, kind, policy);
                return candidate;
            }
        }
        SandboxContext context = build(policy);
        handOut(context, kind, policy);
        return context;
    }

    /** A new, unprepared context: its first grading prepares it on the context's thread (ContextPreparer). */
    private SandboxContext build(SandboxPolicy policy) {
        SandboxContext context = SandboxContext.build(engine, policy, !policy.files());
        created.incrementAndGet();
        return context;
    }

    /**
     * Builds and warms one context for gradings under this policy, on the calling thread, and
     * keeps it ready (a server before it takes requests; the benchmark and tests).
     */
    public void prewarm(SandboxPolicy policy) {
        Kind kind = Kind.of(policy);
        SandboxContext context = build(policy);
        try {
            context.run(() -> ContextPreparer.prepare(context, true));
        } catch (RuntimeException failed) {
            discard(context, "it could not be warmed: " + failed.getMessage());
            throw failed;
        }
        shelve(kind, context, false);
    }

    /** Warms spare contexts of this kind in the background, up to {@code spares}. */
    private void topUp(Kind kind, SandboxPolicy policy) {
        if (closed || spares == 0) {
            return;
        }
        // a context being verified comes back in a moment, and one that serves this kind (lease)
        // as well: they count as ready
        int ready = warming.get() + idle.entrySet().stream().filter(entry -> entry.getKey().serves(kind))
                .mapToInt(entry -> entry.getValue().size() + recyclingOf(entry.getKey()).get()).sum();
        if (ready >= spares) {
            return;
        }
        warming.incrementAndGet();
        warmer.submit(() -> {
            try {
                if (closed) {
                    return;
                }
                SandboxContext context = build(policy);
                try {
                    context.run(() -> ContextPreparer.prepare(context, true, this::yieldToGradings));
                    shelve(kind, context, false);
                    signalReturned();
                } catch (RuntimeException failed) {
                    discard(context, "it could not be warmed: " + failed.getMessage());
                }
            } finally {
                warming.decrementAndGet();
            }
        });
    }

    /** Changes how many warm contexts per kind are kept ready from now on. */
    public void spares(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("spares must not be negative");
        }
        this.spares = count;
    }

    @Override
    public void candidateCode(int delta) {
        running.addAndGet(delta);
    }

    /**
     * Between two warm imports: waits (up to MAX_YIELD) while candidate code runs, so that
     * warming a spare does not slow a grading against its time limit on a machine with few cores.
     */
    private void yieldToGradings() {
        long deadline = System.nanoTime() + MAX_YIELD.toNanos();
        while (running.get() > 0 && System.nanoTime() < deadline && !closed) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void release(SandboxContext context) {
        watchdog.forget(context);
        leased.decrementAndGet();
        Kind kind = kinds.remove(context);
        if (closed || kind == null) {
            discard(context, "the pool is closed");
            return;
        }
        if (context.gradings() >= maxGradings) {
            discard(context, "it retired after " + maxGradings + " gradings");
            return;
        }
        if (!context.usable() || !context.prepared()) {
            discard(context, "its grading was stopped");
            return;
        }
        // Not counted as coming back: a lease must not wait for a context that is already known
        // to be unusable (one that started a thread, say). Closed on a recycler thread, so that
        // the grading's result does not wait for the close either.
        String doomed = context.knownUnreusable();
        if (doomed != null) {
            onRecycler(context, () -> discard(context, doomed));
            return;
        }
        // Verified on a recycler thread: the grading's result does not wait for it, and the
        // context is leased again only once it is proven clean.
        recyclingOf(kind).incrementAndGet();
        boolean queued = onRecycler(context, () -> {
            try {
                recycle(context, kind);
            } finally {
                recyclingOf(kind).decrementAndGet(); // onRecycler then wakes the leases waiting for it
            }
        });
        if (!queued) {
            recyclingOf(kind).decrementAndGet();
        }
    }

    /** Queues work for a recycler thread; false, with the context closed, if the pool closed meanwhile. */
    private boolean onRecycler(SandboxContext context, Runnable work) {
        recyclerWork.incrementAndGet();
        try {
            recycler.submit(() -> {
                try {
                    work.run();
                } finally {
                    recyclerWork.decrementAndGet();
                    signalReturned();
                }
            });
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            recyclerWork.decrementAndGet();
            discard(context, "the pool is closed");
            return false;
        }
    }

    /**
     * Waits until every context released so far is verified (and back in the pool or closed), and
     * the spares asked for so far are warm: the pool at rest, as the memory soak samples it.
     */
    public void settle() {
        try {
            synchronized (returned) {
                while (recyclerWork.get() > 0 && !closed) {
                    returned.wait(100);
                }
            }
            warmer.submit(() -> { }).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException closed) {
            // a closed pool has nothing left to settle
        }
    }

    private void recycle(SandboxContext context, Kind kind) {
        // on the context's thread; the recycler can give up on a verification that hangs
        Future<String> verdict = context.submit(context::recycle);
        try {
            String dirty = verdict.get(RECYCLE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (dirty != null) {
                discard(context, dirty);
                return;
            }
        } catch (Exception unverifiable) {
            verdict.cancel(true);
            context.cancel(StopReason.TIMEOUT);
            discard(context, "it could not be verified: " + unverifiable);
            return;
        }
        if (closed) {
            discard(context, "the pool is closed");
            return;
        }
        ConcurrentLinkedDeque<SandboxContext> ready = idleOf(kind);
        int keep = spares + peakLeased.get();
        if (ready.size() >= keep) {
            discard(context, "the pool already keeps " + keep + " idle context(s) of its kind");
            return;
        }
        reused.incrementAndGet();
        shelve(kind, context, true);
    }

    /**
     * Keeps an idle context (first: to be leased next), then closes the idle contexts of the
     * kinds least recently leased while more than maxIdle() are kept: a pool that graded many
     * exercises keeps the contexts of the last few, not of all.
     */
    private void shelve(Kind kind, SandboxContext context, boolean first) {
        if (first) {
            idleOf(kind).addFirst(context);
        } else {
            idleOf(kind).addLast(context);
        }
        while (idleCount() > maxIdle()) {
            Kind stalest = idle.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(kind) && !entry.getValue().isEmpty())
                    .min(Comparator.comparingLong(entry -> lastUsed.getOrDefault(entry.getKey(), 0L)))
                    .map(Map.Entry::getKey).orElse(null);
            SandboxContext evicted = stalest == null ? null : idle.get(stalest).pollLast();
            if (evicted == null) {
                return;
            }
            discard(evicted, "the pool keeps at most " + maxIdle() + " idle contexts, the most recently used kinds'");
        }
    }

    private int idleCount() {
        return idle.values().stream().mapToInt(ConcurrentLinkedDeque::size).sum();
    }

    /** Idle contexts kept over all kinds: two per context leased at once, and the spares. */
    private int maxIdle() {
        return Math.max(2, 2 * (spares + peakLeased.get()));
    }

    private void discard(SandboxContext context, String why) {
        if (LOG) {
            System.err.println("pygrade pool: closed a context after " + context.gradings() + " grading(s): " + why);
        }
        discarded.incrementAndGet();
        discardReasons.computeIfAbsent(reasonKey(why), k -> new AtomicLong()).incrementAndGet();
        context.closeWithin(CLOSE_PATIENCE);
    }

    /** The reason without a failure's own message, so that the counts group. */
    private static String reasonKey(String why) {
        int detail = why.indexOf(": ");
        return detail < 0 ? why : why.substring(0, detail);
    }

    /** Why contexts were discarded so far, with counts (for the benchmark and diagnostics). */
    public Map<String, Long> discardReasons() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        discardReasons.forEach((why, count) -> copy.put(why, count.get()));
        return copy;
    }

    @Override
    public PoolStats stats() {
        int ready = idleCount();
        return new PoolStats(ready, leased.get(), created.get(), reused.get(), discarded.get());
    }

    /** Stops warming and closes the idle contexts; the engine stays open for others. */
    public void drain() {
        closed = true;
        signalReturned();
        warmer.shutdownNow();
        recycler.shutdownNow();
        idle.values().forEach(list -> {
            SandboxContext context;
            while ((context = list.pollFirst()) != null) {
                context.closeWithin(CLOSE_PATIENCE);
            }
        });
    }

    @Override
    public void close() {
        drain();
        engine.close();
    }
}
