package dev.pygrade.bench;

import dev.pygrade.batch.IsolationByPlan;
import dev.pygrade.batch.Progress;
import dev.pygrade.cpython.CPythonRunner;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.Grading;
import dev.pygrade.sandbox.Isolation;
import dev.pygrade.sandbox.PoolStats;
import dev.pygrade.services.Services;
import dev.pygrade.worker.WorkerPool;
import dev.pygrade.worker.WorkerRuntime;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The whole of {@code pygrade bench}: the cold start, the JVM's warm-up, the timed passes
 * (pooled, fresh, worker JVMs, CPython) and the memory soak, in that order, each saying on
 * {@code err} what it starts; answers what they measured.
 */
public final class BenchRun {
    /**
     * What to run. workerJvms: the runtime of the worker-JVM pass, null to skip it; memoryGradings
     * and coldStartRuns: 0 to skip them.
     */
    public record Settings(int candidates, int workers, boolean cpython, boolean fresh, WorkerRuntime workerJvms,
                           int memoryGradings, int coldStartRuns, Duration warmUp) {
    }

    private final Services services;
    private final PrintWriter err;
    private final Supplier<Progress> progress;

    public BenchRun(Services services, PrintWriter err, Supplier<Progress> progress) {
        this.services = services;
        this.err = err;
        this.progress = progress;
    }

    public BenchReport run(Settings settings, List<Exercise> exercises) {
        List<BenchPlan.Item> plan = BenchPlan.build(exercises, services.home().resolve("fixtures"),
                settings.candidates());
        Benchmark bench = new Benchmark(plan, settings.workers());
        say("pygrade bench: %d candidate(s) x %d exercise(s) = %d gradings, %d worker(s); each pass first grades %d "
                + "warm-up gradings (not timed)%n", settings.candidates(), exercises.size(), plan.size(),
                settings.workers(), bench.warmUp().size());

        BenchReport.ColdStartTimes coldStart = null;
        if (settings.coldStartRuns() > 0) {
            // first, while this JVM is idle: the pool's background work must not compete with them
            say("pygrade bench: cold start, %d './pygrade grade %s' with the start-up cache and %d without%n",
                    settings.coldStartRuns(), ColdStart.EXERCISE, settings.coldStartRuns());
            coldStart = BenchReport.ColdStartTimes.of(new ColdStart(services.home()).run(settings.coldStartRuns()));
        }

        int jvmWarmUpGradings = 0;
        long jvmWarmUpMs = 0;
        if (!settings.warmUp().isZero()) {
            say("pygrade bench: warming the JVM for %d s (not timed)%n", settings.warmUp().toSeconds());
            List<Grading> gradings = new ArrayList<>(List.of(services.grader(Isolation.POOLED)));
            if (settings.fresh()) {
                gradings.add(services.grader(Isolation.FRESH));
            }
            long started = System.nanoTime();
            jvmWarmUpGradings = bench.warmUpJvm(gradings, settings.warmUp(), Exercise::limits);
            jvmWarmUpMs = (System.nanoTime() - started) / 1_000_000;
        }

        List<Benchmark.Pass> passes = new ArrayList<>();
        say("pygrade bench: pygrade, in process, warm pooled contexts (--isolation pooled)%n");
        // the pool at rest before and after (outside the timed pass): a context released at the
        // end of one is counted once its verification has said whether it is reused
        services.settle(Isolation.POOLED);
        PoolStats poolBefore = services.poolStats(Isolation.POOLED);
        Benchmark.Pass pooled = bench.pygrade("pygrade pooled", inProcess(Isolation.POOLED), Exercise::limits,
                progress);
        passes.add(pooled);
        services.settle(Isolation.POOLED);
        BenchReport.Pool pool = BenchReport.Pool.between(poolBefore, services.poolStats(Isolation.POOLED));
        Benchmark.Agreement freshAgreement = null;
        if (settings.fresh()) {
            say("pygrade bench: pygrade, in process, a fresh context per grading (--isolation fresh)%n");
            Benchmark.Pass fresh = bench.pygrade("pygrade fresh", inProcess(Isolation.FRESH), Exercise::limits,
                    progress);
            passes.add(fresh);
            freshAgreement = bench.compare(pooled, fresh);
        }
        if (settings.workerJvms() != null) {
            // the isolation batch would choose for this plan
            Isolation isolation = IsolationByPlan.choose(plan.size(), exercises.size());
            say("pygrade bench: pygrade, worker JVMs (what 'pygrade batch' does by default), %s, %s contexts%n",
                    settings.workerJvms().why(), isolation.name().toLowerCase(Locale.ROOT));
            try (WorkerPool workers = new WorkerPool(settings.workers(),
                    Limits.DEFAULT.memoryBytes() + 512L * 1024 * 1024, services.home(), isolation,
                    settings.workerJvms())) {
                passes.add(bench.pygrade("pygrade worker JVMs", workers, Exercise::limits, progress));
            }
        }

        CPythonPass baseline = settings.cpython() ? cpython(bench) : new CPythonPass(null, null,
                "skipped (--no-cpython)");
        Benchmark.Pass cpython = baseline.pass();
        if (cpython != null) {
            passes.add(cpython);
        }

        BenchReport.Memory memory = null;
        if (settings.memoryGradings() > 0) {
            say("pygrade bench: memory, %d gradings in warm pooled contexts%n", settings.memoryGradings());
            memory = BenchReport.Memory.of(new MemorySoak(plan, settings.workers(),
                    () -> services.settle(Isolation.POOLED))
                    .run(services.grader(Isolation.POOLED), settings.memoryGradings(), progress.get()));
        }

        BenchReport.CPythonComparison comparison = cpython == null ? null : new BenchReport.CPythonComparison(
                cpython.rate() == 0 ? null : pooled.rate() / cpython.rate(),
                BenchReport.Verdicts.of(bench.compare(pooled, cpython)));
        return new BenchReport(BenchReport.SCHEMA, settings.candidates(), exercises.size(), plan.size(),
                settings.workers(), Runtime.getRuntime().availableProcessors(), loadAverage(),
                baseline.interpreter() == null ? null : baseline.interpreter().toString(),
                passes.stream().map(pass -> BenchReport.PassSummary.of(pass, cpython)).toList(), jvmWarmUpGradings,
                jvmWarmUpMs, pool, memory, coldStart,
                freshAgreement == null ? null : freshAgreement.identical(),
                freshAgreement == null ? null : freshAgreement.gradings(),
                comparison, comparison == null ? baseline.note() : null, BenchReport.ExerciseTimes.of(passes));
    }

    /** The CPython pass (null when it could not run), the interpreter it ran, and why it did not run. */
    private record CPythonPass(Benchmark.Pass pass, Path interpreter, String note) {
    }

    private CPythonPass cpython(Benchmark bench) {
        Optional<Path> python = CPythonRunner.findPython(services.environment());
        if (python.isEmpty()) {
            return new CPythonPass(null, null, "skipped: no python3 on PATH");
        }
        Path interpreter = CPythonRunner.resolve(python.get());
        say("pygrade bench: CPython, one 'python3 -I cpython_runner.py' process per grading (%s)%n",
                interpreter + (interpreter.equals(python.get()) ? "" : ", which " + python.get() + " runs"));
        try (CPythonRunner runner = new CPythonRunner(interpreter)) {
            return new CPythonPass(bench.cpython(runner, progress), interpreter, null);
        } catch (UncheckedIOException cannot) {
            return new CPythonPass(null, interpreter, "failed: " + cannot.getMessage());
        }
    }

    private Grading inProcess(Isolation isolation) {
        return (exercise, submission, limits) -> services.grader(isolation).grade(exercise, submission, limits);
    }

    private void say(String format, Object... arguments) {
        err.printf(Locale.ROOT, format, arguments);
        err.flush();
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
}
