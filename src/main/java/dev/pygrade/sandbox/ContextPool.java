package dev.pygrade.sandbox;

/**
 * Where gradings get their contexts. Today every lease is a fresh context, closed on
 * release; a pool of warm, verified contexts can take this seam's place.
 */
public interface ContextPool extends AutoCloseable {

    SandboxContext lease(SandboxPolicy policy);

    void release(SandboxContext context);

    /** A consistent snapshot of the pool's counters. */
    PoolStats stats();

    @Override
    void close();
}
