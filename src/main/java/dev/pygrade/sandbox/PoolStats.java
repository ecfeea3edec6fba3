package dev.pygrade.sandbox;

/**
 * What a context pool has done so far, for metrics and the benchmark: contexts ready to lease
 * now, leased now, created in all, handed out again after a verified grading, and discarded
 * (closed because a grading left them unverifiable, dirty or retired).
 */
public record PoolStats(int idle, int leased, long created, long reused, long discarded) {
    public static final PoolStats NONE = new PoolStats(0, 0, 0, 0, 0);
}
