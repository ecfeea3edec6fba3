package dev.pygrade.sandbox;

/** A new context for every grading, closed (cancelling any leftover thread) on release. */
public final class FreshContextPool implements ContextPool {
    private static final java.time.Duration CLOSE_PATIENCE = java.time.Duration.ofSeconds(2);

    private final SandboxEngine engine;
    private final HeapWatchdog watchdog;

    public FreshContextPool(SandboxEngine engine, HeapWatchdog watchdog) {
        this.engine = engine;
        this.watchdog = watchdog;
    }

    @Override
    public SandboxContext lease(SandboxPolicy policy) {
        OutputCapture output = new OutputCapture(policy.maxOutputBytes());
        MemoryFileSystem storage = policy.files() ? MemoryFileSystem.create() : null;
        SandboxContext context = new SandboxContext(engine.newContext(policy, output.stream(), storage), output,
                policy, storage);
        watchdog.watch(context, policy.memoryBytes());
        return context;
    }

    @Override
    public void release(SandboxContext context) {
        watchdog.forget(context);
        context.closeWithin(CLOSE_PATIENCE);
    }

    @Override
    public void close() {
        engine.close();
    }
}
