package dev.pygrade.batch;

import dev.pygrade.sandbox.Isolation;
import java.util.Collection;

/**
 * The isolation a batch uses when none is asked for. A pooled context pays for itself over a run
 * of one exercise's gradings (its warm imports and the verification after each grading cost more
 * than a fresh context, once); over a short run a fresh context is cheaper. So: pooled when the
 * gradings to do average at least {@link #POOLED_FROM} per exercise, fresh otherwise. The
 * verdicts are the same either way; docs/bench.md has the measurements behind the threshold.
 */
public final class IsolationByPlan {
    public static final int POOLED_FROM = 10;

    private IsolationByPlan() {
    }

    public static Isolation choose(Collection<BatchTask> tasks) {
        return choose(tasks.size(), tasks.stream().map(task -> task.key().exercise()).distinct().count());
    }

    public static Isolation choose(long gradings, long exercises) {
        return exercises > 0 && gradings >= POOLED_FROM * exercises ? Isolation.POOLED : Isolation.FRESH;
    }
}
