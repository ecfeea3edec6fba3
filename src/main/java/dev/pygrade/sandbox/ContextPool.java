package dev.pygrade.sandbox;

/**
 * Where gradings get their contexts: a fresh one per lease, closed on release
 * ({@link FreshContextPool}), or warm ones reused once verified clean ({@link WarmContextPool}).
 */
public interface ContextPool extends AutoCloseable {

    SandboxContext lease(SandboxPolicy policy);

    /**
     * A context that has graded nothing yet: a grading that saw tampering in a reused context
     * is graded again in one, so that nothing a previous grading left can decide its result.
     */
    default SandboxContext leaseUnused(SandboxPolicy policy) {
        return lease(policy);
    }

    void release(SandboxContext context);

    /**
     * Told when candidate code starts (+1) and stops (-1) running under a time limit: background
     * work (warming spare contexts) then waits rather than take CPU from a limited grading.
     */
    default void candidateCode(int delta) {
    }

    /** A consistent snapshot of the pool's counters. */
    PoolStats stats();

    @Override
    void close();
}
