package dev.pygrade.batch;

import dev.pygrade.report.SkippedEntry;
import java.util.List;
import java.util.function.Predicate;

/** What a submissions folder holds: the answers to grade, in a stable order, and what was skipped. */
public record BatchPlan(List<BatchTask> tasks, List<SkippedEntry> skipped) {
    public BatchPlan {
        tasks = List.copyOf(tasks);
        skipped = List.copyOf(skipped);
    }

    public BatchPlan filter(Predicate<PairKey> keep) {
        return new BatchPlan(tasks.stream().filter(task -> keep.test(task.key())).toList(), skipped);
    }
}
