package dev.pygrade.sandbox;

/** A new context for every grading, closed (cancelling any leftover thread) on release. */
public final class FreshContextPool implements ContextPool {
    private static final java.time.Duration CLOSE_PATIENCE = java.time.Duration.ofSeconds(2);

    private final SandboxEngine engine;
    private final HeapWatchdog watchdog;
    private final java.util.concurrent.atomic.AtomicLong created = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong closed = new java.util.concurrent.atomic.AtomicLong();

    public FreshContextPool(SandboxEngine engine, HeapWatchdog watchdog) {
        this.engine = engine;
        this.watchdog = watchdog;
    }

    @Override
    public SandboxContext lease(SandboxPolicy policy) {
        SandboxContext context = SandboxContext.build(engine, policy, false);
        watchdog.watch(context, policy.memoryBytes());
        created.incrementAndGet();
        return context;
    }

    @Override
    public void release(SandboxContext context) {
        watchdog.forget(context);
        closed.incrementAndGet();
        context.closeWithin(CLOSE_PATIENCE);
    }

    /** Every context is discarded after its one grading. */
    @Override
    public PoolStats stats() {
        long made = created.get();
        long done = closed.get();
        return new PoolStats(0, (int) (made - done), made, 0, done);
    }

    @Override
    public void close() {
        engine.close();
    }
}
