package dev.pygrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pygrade.batch.LiveProgressBar;
import dev.pygrade.batch.PeriodicProgress;
import dev.pygrade.batch.Progress;
import dev.pygrade.bench.BenchPlan;
import dev.pygrade.bench.Benchmark;
import dev.pygrade.bench.CPythonRunner;
import dev.pygrade.bench.ColdStart;
import dev.pygrade.bench.MemorySoak;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import dev.pygrade.sandbox.Isolation;
import dev.pygrade.sandbox.PoolStats;
import dev.pygrade.worker.WorkerPool;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade bench: gradings per second on a fixed synthetic batch, against one CPython process per grading. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Grades a fixed synthetic batch (N candidates x every exercise, answers picked round-robin "
                + "among each exercise's reference, alt_* and wrong_* fixtures) through the batch's own runner and "
                + "reports gradings per second; then, when python3 is on PATH, the same gradings as one "
                + "'python3 -I cpython_runner.py' process each, the ratio, and where the verdicts differ. "
                + "See docs/bench.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "  0:the benchmark ran (whatever the figures and verdicts)",
                "  2:usage error (unknown --exercise, --candidates or --workers below 1)",
                "  3:internal error: a grading ended 'internal-error' on either side, or pygrade failed"})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Option(names = "--candidates", paramLabel = "N", description = "Synthetic candidates (default ${DEFAULT-VALUE}).")
    int candidates = 20;

    @Option(names = "--workers", paramLabel = "N",
            description = "Gradings at once, on both sides (default: the number of processors, ${DEFAULT-VALUE} here).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--exercise", paramLabel = "ID", description = "Only this exercise (repeatable; default: all).")
    List<String> exerciseIds = new ArrayList<>();

    @Option(names = "--no-cpython", description = "Skip the CPython baseline.")
    boolean noCpython;

    @Option(names = "--no-fresh", description = "Skip the pass with a fresh context per grading (--isolation fresh).")
    boolean noFresh;

    @Option(names = "--worker-jvms",
            description = "Also time the worker-JVM path (what 'pygrade batch' uses by default; needs the built jar).")
    boolean workerJvms;

    @Option(names = "--memory", paramLabel = "N",
            description = "Then grade the plan over and over, N gradings in warm pooled contexts, and report the live "
                    + "heap after 100, then every 1,000 ..., and N gradings (default: off). Flat figures: nothing leaks.")
    int memoryGradings;

    @Option(names = "--cold-start", paramLabel = "RUNS",
            description = "Then time RUNS cold './pygrade grade' of the sample with the launcher's start-up cache and "
                    + "RUNS without it (PYGRADE_AOT=off), and report the ratio (default: off).")
    int coldStartRuns;

    @Option(names = "--warm-up", paramLabel = "SECONDS",
            description = "Before any pass is timed, grade the warm-up set in pooled and fresh contexts in turn for "
                    + "this long, so that no pass pays for warming the JVM (default ${DEFAULT-VALUE}; 0: none).")
    int warmUpSeconds = 30;

    @Mixin
    FormatOption format;

    /** The heap samples of --memory; null without it. */
    private MemorySoak.Result soak;
    /** The cold start timings of --cold-start; null without it. */
    private ColdStart.Result coldStart;

    /** The interpreter the CPython pass ran, for the report. */
    private Path interpreterUsed;
    /** What the pool did during the pooled pass (its warm-up included). */
    private PoolStats pooledContexts;
    /** Pooled against fresh, check by check; null without the fresh pass. */
    private Benchmark.Agreement freshAgreement;
    /** The gradings and wall time of the JVM's warm-up (--warm-up). */
    private int jvmWarmUpGradings;
    private long jvmWarmUpMs;

    @Override
    public Integer call() {
        if (candidates < 1) {
            throw new UserError("--candidates must be at least 1");
        }
        if (workers < 1) {
            throw new UserError("--workers must be at least 1");
        }
        if (memoryGradings < 0 || coldStartRuns < 0 || warmUpSeconds < 0) {
            throw new UserError("--memory, --cold-start and --warm-up must not be negative");
        }
        if (coldStartRuns > 0 && new ColdStart(root.services.home()).launcher() == null) {
            // said before the passes run, not after minutes of them
            throw new UserError("--cold-start times the launcher, and there is none at "
                    + root.services.home().resolve("pygrade"));
        }
        ExerciseRepository repository = root.services.exercises(root.exercisesDir);
        List<Exercise> exercises = exerciseIds.isEmpty() ? repository.all()
                : exerciseIds.stream().map(id -> ExerciseLookup.require(repository, id)).toList();
        List<BenchPlan.Item> plan = BenchPlan.build(exercises, root.services.home().resolve("fixtures"), candidates);
        Benchmark bench = new Benchmark(plan, workers);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "pygrade bench: %d candidate(s) x %d exercise(s) = %d gradings, %d worker(s); "
                        + "each pass first grades %d warm-up gradings (not timed)%n", candidates, exercises.size(),
                plan.size(), workers, bench.warmUp().size());
        err.flush();

        if (coldStartRuns > 0) {
            // first, while this JVM is idle: the pool's background work must not compete with them
            ColdStart cold = new ColdStart(root.services.home());
            err.printf(Locale.ROOT, "pygrade bench: cold start, %d './pygrade grade %s' with the start-up cache and "
                    + "%d without%n", coldStartRuns, ColdStart.EXERCISE, coldStartRuns);
            err.flush();
            coldStart = cold.run(coldStartRuns);
        }

        if (warmUpSeconds > 0) {
            err.printf(Locale.ROOT, "pygrade bench: warming the JVM for %d s (not timed)%n", warmUpSeconds);
            err.flush();
            List<Grading> gradings = new ArrayList<>(List.of(root.services.grader(Isolation.POOLED)));
            if (!noFresh) {
                gradings.add(root.services.grader(Isolation.FRESH));
            }
            long started = System.nanoTime();
            jvmWarmUpGradings = bench.warmUpJvm(gradings, Duration.ofSeconds(warmUpSeconds), Exercise::limits);
            jvmWarmUpMs = (System.nanoTime() - started) / 1_000_000;
        }

        List<Benchmark.Pass> passes = new ArrayList<>();
        err.println("pygrade bench: pygrade, in process, warm pooled contexts (--isolation pooled)");
        err.flush();
        PoolStats poolBefore = root.services.poolStats(Isolation.POOLED);
        Benchmark.Pass inProcess = bench.pygrade("pygrade pooled", (exercise, submission, limits) ->
                root.services.grader(Isolation.POOLED).grade(exercise, submission, limits), Exercise::limits,
                progress(err));
        passes.add(inProcess);
        pooledContexts = delta(poolBefore, root.services.poolStats(Isolation.POOLED));
        Benchmark.Pass fresh = null;
        if (!noFresh) {
            err.println("pygrade bench: pygrade, in process, a fresh context per grading (--isolation fresh)");
            err.flush();
            fresh = bench.pygrade("pygrade fresh", (exercise, submission, limits) ->
                    root.services.grader(Isolation.FRESH).grade(exercise, submission, limits), Exercise::limits,
                    progress(err));
            passes.add(fresh);
            freshAgreement = bench.compare(inProcess, fresh);
        }
        if (workerJvms) {
            dev.pygrade.worker.WorkerRuntime runtime = root.services.workerRuntime();
            err.println("pygrade bench: pygrade, worker JVMs (what 'pygrade batch' does by default), " + runtime.why());
            err.flush();
            try (WorkerPool pool = new WorkerPool(workers,
                    dev.pygrade.exercise.Limits.DEFAULT.memoryBytes() + 512L * 1024 * 1024, root.services.home(),
                    Isolation.POOLED, runtime)) {
                passes.add(bench.pygrade("pygrade worker JVMs", pool, Exercise::limits, progress(err)));
            }
        }
        Benchmark.Pass cpython = null;
        String cpythonNote = null;
        Optional<Path> python = noCpython ? Optional.empty() : CPythonRunner.findPython(root.services.environment());
        if (noCpython) {
            cpythonNote = "skipped (--no-cpython)";
        } else if (python.isEmpty()) {
            cpythonNote = "skipped: no python3 on PATH";
        } else {
            Path interpreter = CPythonRunner.resolve(python.get());
            interpreterUsed = interpreter;
            err.println("pygrade bench: CPython, one 'python3 -I cpython_runner.py' process per grading ("
                    + interpreter + (interpreter.equals(python.get()) ? "" : ", which " + python.get() + " runs")
                    + ")");
            err.flush();
            try (CPythonRunner runner = new CPythonRunner(interpreter)) {
                cpython = bench.cpython(runner, progress(err));
            } catch (UncheckedIOException cannot) {
                cpythonNote = "failed: " + cannot.getMessage();
            }
            if (cpython != null) {
                passes.add(cpython);
            }
        }
        Benchmark.Agreement agreement = cpython == null ? null : bench.compare(inProcess, cpython);
        if (memoryGradings > 0) {
            err.printf(Locale.ROOT, "pygrade bench: memory, %d gradings in warm pooled contexts%n", memoryGradings);
            err.flush();
            soak = new MemorySoak(plan, workers, () -> root.services.settle(Isolation.POOLED))
                    .run(root.services.grader(Isolation.POOLED), memoryGradings, progress(err).get());
        }

        Map<String, Object> report = report(exercises.size(), plan.size(), passes, inProcess, cpython, cpythonNote,
                agreement);
        PrintWriter out = spec.commandLine().getOut();
        if (format.format == FormatOption.Format.json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            writeText(out, report, passes, inProcess, cpython, cpythonNote, agreement);
        }
        boolean broken = passes.stream().flatMap(pass -> pass.results().values().stream())
                .anyMatch(result -> result.status() == Status.INTERNAL_ERROR)
                || (soak != null && soak.internalErrors() > 0);
        return broken ? ExitCode.INTERNAL.code() : ExitCode.OK.code();
    }

    private Map<String, Object> report(int exerciseCount, int gradings, List<Benchmark.Pass> passes,
                                       Benchmark.Pass inProcess, Benchmark.Pass cpython, String cpythonNote,
                                       Benchmark.Agreement agreement) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("schema", "pygrade.bench/1");
        report.put("candidates", candidates);
        report.put("exercises", exerciseCount);
        report.put("gradings", gradings);
        report.put("workers", workers);
        report.put("processors", Runtime.getRuntime().availableProcessors());
        report.put("load_average", loadAverage());
        if (interpreterUsed != null) {
            report.put("python", interpreterUsed.toString());
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Benchmark.Pass pass : passes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", pass.name());
            entry.put("gradings", pass.results().size());
            entry.put("wall_ms", pass.wallMs());
            entry.put("gradings_per_second", round(pass.rate()));
            entry.put("warm_up_gradings", pass.warmUpGradings());
            entry.put("warm_up_ms", pass.warmUpMs());
            entry.put("statuses", statuses(pass));
            entry.put("p50_ms", percentile(pass, 50));
            entry.put("p99_ms", percentile(pass, 99));
            if (cpython != null && cpython != pass && cpython.rate() > 0) {
                entry.put("ratio_to_cpython", round(pass.rate() / cpython.rate()));
            }
            list.add(entry);
        }
        report.put("passes", list);
        report.put("jvm_warm_up_gradings", jvmWarmUpGradings);
        report.put("jvm_warm_up_ms", jvmWarmUpMs);
        if (pooledContexts != null) {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("contexts_created", pooledContexts.created());
            pool.put("contexts_reused", pooledContexts.reused());
            pool.put("contexts_discarded", pooledContexts.discarded());
            pool.put("discarded_share", discardedShare());
            report.put("pool", pool);
        }
        if (soak != null) {
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("wall_ms", soak.wallMs());
            memory.put("internal_errors", soak.internalErrors());
            memory.put("live_heap_bytes", soak.samples().stream().map(sample -> Map.of(
                    "gradings", sample.gradings(), "bytes", sample.heapBytes())).toList());
            report.put("memory", memory);
        }
        if (coldStart != null) {
            Map<String, Object> cold = new LinkedHashMap<>();
            cold.put("command", "./pygrade grade " + ColdStart.EXERCISE + " (reference)");
            cold.put("with_cache_ms", coldStart.withCacheMs());
            cold.put("without_cache_ms", coldStart.withoutCacheMs());
            cold.put("median_with_cache_ms", coldStart.medianWith());
            cold.put("median_without_cache_ms", coldStart.medianWithout());
            cold.put("ratio", round(coldStart.ratio()));
            report.put("cold_start", cold);
        }
        if (freshAgreement != null) {
            report.put("pooled_vs_fresh_identical", freshAgreement.identical());
            report.put("pooled_vs_fresh_gradings", freshAgreement.gradings());
        }
        if (cpython != null) {
            report.put("ratio", cpython.rate() == 0 ? null : round(inProcess.rate() / cpython.rate()));
            Map<String, Object> verdicts = new LinkedHashMap<>();
            verdicts.put("gradings", agreement.gradings());
            verdicts.put("identical", agreement.identical());
            List<Map<String, Object>> differing = new ArrayList<>();
            grouped(agreement).forEach((difference, count) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("exercise", difference.exercise());
                entry.put("fixture", difference.fixture());
                entry.put("check", difference.check());
                entry.put("pygrade", difference.pygrade());
                entry.put("cpython", difference.cpython());
                entry.put("gradings", count);
                differing.add(entry);
            });
            verdicts.put("differences", differing);
            report.put("verdicts", verdicts);
        } else {
            report.put("cpython", cpythonNote);
        }
        return report;
    }

    private static Map<String, Integer> statuses(Benchmark.Pass pass) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            int n = (int) pass.results().values().stream().map(GradeResult::status).filter(status::equals).count();
            if (n > 0) {
                counts.put(status.wire(), n);
            }
        }
        return counts;
    }

    /** The same fixture's difference, once, with the number of gradings it showed in. */
    private static Map<Benchmark.Difference, Integer> grouped(Benchmark.Agreement agreement) {
        Map<Benchmark.Difference, Integer> grouped = new LinkedHashMap<>();
        agreement.differences().forEach(difference -> grouped.merge(difference, 1, Integer::sum));
        return grouped;
    }

    private void writeText(PrintWriter out, Map<String, Object> report, List<Benchmark.Pass> passes,
                           Benchmark.Pass inProcess, Benchmark.Pass cpython, String cpythonNote,
                           Benchmark.Agreement agreement) {
        out.printf(Locale.ROOT, "pygrade bench: %d candidate(s) x %d exercise(s) = %d gradings, %d worker(s), "
                        + "%d processor(s), load average %s%n", candidates, report.get("exercises"),
                report.get("gradings"), workers, report.get("processors"), report.get("load_average"));
        if (jvmWarmUpGradings > 0) {
            out.printf(Locale.ROOT, "  JVM warm-up: %d gradings, pooled and fresh in turn, %.1f s, not counted%n",
                    jvmWarmUpGradings, jvmWarmUpMs / 1000.0);
        }
        for (Benchmark.Pass pass : passes) {
            out.printf(Locale.ROOT, "  %-22s %4d gradings in %8.1f s = %7.2f gradings/s, p50 %d ms, p99 %d ms   "
                            + "(warm-up: %d gradings, %.1f s, not counted)  %s%n", pass.name(), pass.results().size(),
                    pass.wallMs() / 1000.0, pass.rate(), percentile(pass, 50), percentile(pass, 99),
                    pass.warmUpGradings(), pass.warmUpMs() / 1000.0, statuses(pass));
        }
        if (pooledContexts != null) {
            out.printf(Locale.ROOT, "  pool: %d contexts created, %d reused after verification, %d discarded "
                            + "(%.1f%% of gradings)%n", pooledContexts.created(), pooledContexts.reused(),
                    pooledContexts.discarded(), 100 * discardedShare());
        }
        if (freshAgreement != null) {
            out.printf(Locale.ROOT, "  pooled vs fresh: %d of %d gradings identical check by check%n",
                    freshAgreement.identical(), freshAgreement.gradings());
        }
        if (soak != null) {
            out.println("  memory (live heap after a full collection, warm pooled contexts):");
            for (MemorySoak.Sample sample : soak.samples()) {
                out.printf(Locale.ROOT, "    after %,7d gradings: %,6.1f MB%n", sample.gradings(),
                        sample.heapBytes() / 1048576.0);
            }
        }
        if (coldStart != null) {
            out.printf(Locale.ROOT, "  cold start ./pygrade grade %s: %.2f s with the start-up cache, %.2f s without "
                            + "(median of %d each): %.2fx%n", ColdStart.EXERCISE, coldStart.medianWith() / 1000.0,
                    coldStart.medianWithout() / 1000.0, coldStart.withCacheMs().size(), coldStart.ratio());
        }
        if (interpreterUsed != null) {
            out.println("  cpython: " + interpreterUsed + " -I cpython_runner.py, one process per grading");
        }
        if (cpython == null) {
            out.println("  cpython: " + cpythonNote);
            out.flush();
            return;
        }
        for (Benchmark.Pass pass : passes) {
            if (pass != cpython) {
                out.printf(Locale.ROOT, "  ratio %s / CPython processes: %.2fx%n", pass.name(),
                        cpython.rate() == 0 ? 0 : pass.rate() / cpython.rate());
            }
        }
        out.printf(Locale.ROOT, "  verdicts: %d of %d gradings identical check by check (pass/fail)%n",
                agreement.identical(), agreement.gradings());
        Map<Benchmark.Difference, Integer> grouped = grouped(agreement);
        if (!grouped.isEmpty()) {
            out.println("  differing (exercise, fixture, check: pygrade vs CPython, gradings):");
            grouped.forEach((d, count) -> out.printf(Locale.ROOT, "    %s %s %s: %s vs %s (x%d)%n", d.exercise(),
                    d.fixture(), d.check(), d.pygrade(), d.cpython(), count));
        }
        out.flush();
    }

    private Supplier<Progress> progress(PrintWriter err) {
        return () -> root.services.interactive() ? new LiveProgressBar(err, System::nanoTime)
                : new PeriodicProgress(err, System::nanoTime);
    }

    /** The share of pooled gradings whose context was closed rather than reused. */
    private double discardedShare() {
        long ended = pooledContexts.reused() + pooledContexts.discarded();
        return ended == 0 ? 0 : round((double) pooledContexts.discarded() / ended);
    }

    private static PoolStats delta(PoolStats before, PoolStats after) {
        return new PoolStats(after.idle(), after.leased(), after.created() - before.created(),
                after.reused() - before.reused(), after.discarded() - before.discarded());
    }

    /** The grading duration (as each result records it) at this percentile, in ms. */
    private static long percentile(Benchmark.Pass pass, int percent) {
        long[] durations = pass.results().values().stream().mapToLong(GradeResult::durationMs).sorted().toArray();
        if (durations.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * durations.length) - 1;
        return durations[Math.max(0, Math.min(durations.length - 1, index))];
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
