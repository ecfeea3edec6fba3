package dev.pygrade.bench;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The bench report as a person reads it. */
public final class BenchText {
    private static final int SLOWEST = 8;

    private BenchText() {
    }

    public static void write(PrintWriter out, BenchReport report) {
        out.printf(Locale.ROOT, "pygrade bench: %d candidate(s) x %d exercise(s) = %d gradings, %d worker(s), "
                        + "%d processor(s), load average %s%n", report.candidates(), report.exercises(),
                report.gradings(), report.workers(), report.processors(), report.loadAverage());
        if (report.jvmWarmUpGradings() > 0) {
            out.printf(Locale.ROOT, "  JVM warm-up: %d gradings, pooled and fresh in turn, %.1f s, not counted%n",
                    report.jvmWarmUpGradings(), report.jvmWarmUpMs() / 1000.0);
        }
        for (BenchReport.PassSummary pass : report.passes()) {
            out.printf(Locale.ROOT, "  %-22s %4d gradings in %8.1f s = %7.2f gradings/s, p50 %d ms, p99 %d ms   "
                            + "(warm-up: %d gradings, %.1f s, not counted)  %s%n", pass.name(), pass.gradings(),
                    pass.wallMs() / 1000.0, pass.gradingsPerSecond(), pass.p50Ms(), pass.p99Ms(),
                    pass.warmUpGradings(), pass.warmUpMs() / 1000.0, pass.statuses());
        }
        BenchReport.Pool pool = report.pool();
        if (pool != null) {
            out.printf(Locale.ROOT, "  pool: %d contexts created, %d reused after verification, %d discarded "
                            + "(%.1f%% of gradings)%n", pool.contextsCreated(), pool.contextsReused(),
                    pool.contextsDiscarded(), 100 * BenchReport.round(pool.discardedShare()));
        }
        if (report.pooledVsFreshIdentical() != null) {
            out.printf(Locale.ROOT, "  pooled vs fresh: %d of %d gradings identical check by check%n",
                    report.pooledVsFreshIdentical(), report.pooledVsFreshGradings());
        }
        if (report.memory() != null) {
            out.println("  memory (live heap after a full collection, warm pooled contexts):");
            for (BenchReport.HeapSample sample : report.memory().liveHeapBytes()) {
                out.printf(Locale.ROOT, "    after %,7d gradings: %,6.1f MB%n", sample.gradings(),
                        sample.bytes() / 1048576.0);
            }
        }
        BenchReport.ColdStartTimes cold = report.coldStart();
        if (cold != null) {
            out.printf(Locale.ROOT, "  cold start ./pygrade grade %s: %.2f s with the start-up cache, %.2f s without "
                            + "(median of %d each): %.2fx%n", ColdStart.EXERCISE, cold.medianWithCacheMs() / 1000.0,
                    cold.medianWithoutCacheMs() / 1000.0, cold.withCacheMs().size(), cold.ratio());
        }
        if (report.python() != null) {
            out.println("  cpython: " + report.python() + " -I cpython_runner.py, one process per grading");
        }
        BenchReport.CPythonComparison comparison = report.comparison();
        if (comparison == null) {
            out.println("  cpython: " + report.cpython());
            out.flush();
            return;
        }
        for (BenchReport.PassSummary pass : report.passes()) {
            if (!pass.name().equals(Benchmark.CPYTHON)) {
                out.printf(Locale.ROOT, "  ratio %s / CPython processes: %.2fx%n", pass.name(),
                        pass.ratioToCpython() == null ? 0 : pass.ratioToCpython());
            }
        }
        slowest(out, report.byExercise());
        BenchReport.Verdicts verdicts = comparison.verdicts();
        out.printf(Locale.ROOT, "  verdicts: %d of %d gradings identical check by check (pass/fail)%n",
                verdicts.identical(), verdicts.gradings());
        if (!verdicts.differences().isEmpty()) {
            out.println("  differing (exercise, fixture, check: pygrade vs CPython, gradings):");
            verdicts.differences().forEach(d -> out.printf(Locale.ROOT, "    %s %s %s: %s vs %s (x%d)%n", d.exercise(),
                    d.fixture(), d.check(), d.pygrade(), d.cpython(), d.gradings()));
        }
        out.flush();
    }

    /** The exercises where a pygrade pass is furthest behind CPython, by median grading time. */
    private static void slowest(PrintWriter out, List<BenchReport.ExerciseTimes> exercises) {
        List<BenchReport.ExerciseTimes> worst = exercises.stream()
                .sorted(Comparator.comparingDouble(BenchReport.ExerciseTimes::slowestToCpython).reversed())
                .limit(SLOWEST).toList();
        if (worst.isEmpty()) {
            return;
        }
        out.println("  furthest behind CPython (median ms of a grading, by pass):");
        for (BenchReport.ExerciseTimes times : worst) {
            StringBuilder line = new StringBuilder();
            times.p50Ms().forEach((pass, ms) -> line.append(String.format(Locale.ROOT, "  %s %d",
                    pass.replace("pygrade ", ""), ms)));
            out.printf(Locale.ROOT, "    %-28s%s%n", times.exercise(), line);
        }
    }
}
