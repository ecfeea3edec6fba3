package dev.pygrade.server;

import dev.pygrade.grading.Grading;
import dev.pygrade.sandbox.PoolStats;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What grades for the server, and what it can tell about itself for /metrics: the context
 * pool's counters and how many worker JVMs were replaced (0 when grading in-process).
 */
public record GradingBackend(Grading grading, Supplier<PoolStats> poolStats, LongSupplier workersReplaced) {
}
