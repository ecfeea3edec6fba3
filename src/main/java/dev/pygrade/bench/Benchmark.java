package dev.pygrade.bench;

import dev.pygrade.batch.BatchRunner;
import dev.pygrade.batch.BatchTask;
import dev.pygrade.batch.Progress;
import dev.pygrade.batch.ResultsLog;
import dev.pygrade.cpython.CPythonRunner;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.report.CandidateResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The passes of {@code pygrade bench}. Each pass first grades a warm-up set (not timed, results
 * dropped: 2 x workers gradings spread evenly over the plan, so the engine has compiled the
 * grader and several exercises' checks), then the whole plan, timed by the wall clock.
 */
public final class Benchmark {
    /** The name of the CPython pass. */
    public static final String CPYTHON = "cpython";

    /** One timed pass: the results by (candidate, exercise), the wall time of the timed part. */
    public record Pass(String name, int workers, Map<String, GradeResult> results, long wallMs, long warmUpMs,
                       int warmUpGradings) {
        public double rate() {
            return wallMs == 0 ? 0 : results.size() * 1000.0 / wallMs;
        }
    }

    /** A check whose pass/fail verdict differs between the passes. */
    public record Difference(String exercise, String fixture, String check, String pygrade, String cpython) {
    }

    /** How the verdicts of two passes compare, grading by grading and check by check. */
    public record Agreement(int gradings, int identical, List<Difference> differences) {
    }

    private final List<BenchPlan.Item> plan;
    private final int workers;

    public Benchmark(List<BenchPlan.Item> plan, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        this.plan = List.copyOf(plan);
        this.workers = workers;
    }

    public static String key(String candidate, String exercise) {
        return candidate + "/" + exercise;
    }

    /** 2 x workers items (at most the plan), spread evenly over it. */
    public List<BenchPlan.Item> warmUp() {
        int count = Math.min(plan.size(), 2 * workers);
        List<BenchPlan.Item> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(plan.get((int) ((long) i * plan.size() / count)));
        }
        return chosen;
    }

    /** Grades the plan through the batch's own runner and the given grading (in process, or worker JVMs). */
    public Pass pygrade(String name, Grading grading, Function<Exercise, Limits> limits,
                        Supplier<Progress> progress) {
        BatchRunner runner = new BatchRunner(grading, workers, limits);
        return inScratchFolder(folder -> {
            long started = System.nanoTime();
            List<BenchPlan.Item> warm = warmUp();
            batch(runner, folder.resolve("warm-up.jsonl"), warm, Progress.NONE);
            long warmUpMs = (System.nanoTime() - started) / 1_000_000;
            Map<String, GradeResult> results = new ConcurrentHashMap<>();
            started = System.nanoTime();
            batch(runner, folder.resolve(ResultsLog.FILE), plan, new Collecting(results, progress.get()));
            long wallMs = (System.nanoTime() - started) / 1_000_000;
            return new Pass(name, workers, Map.copyOf(results), wallMs, warmUpMs, warm.size());
        });
    }

    /**
     * Warms this JVM before any pass is timed, so that no pass pays for the others: HotSpot
     * compiles GraalPy's interpreter only after many seconds of grading, which would otherwise
     * slow whichever pass ran first (docs/bench.md). Grades the warm-up set through each grading
     * in turn, round after round, until {@code atLeast} has passed (at least one round when it is
     * not zero); answers how many gradings that took.
     */
    public int warmUpJvm(List<Grading> gradings, Duration atLeast, Function<Exercise, Limits> limits) {
        if (atLeast.isZero() || gradings.isEmpty()) {
            return 0;
        }
        List<BatchRunner> runners = gradings.stream().map(grading -> new BatchRunner(grading, workers, limits)).toList();
        List<BenchPlan.Item> warm = warmUp();
        return inScratchFolder(folder -> {
            long deadline = System.nanoTime() + atLeast.toNanos();
            int graded = 0;
            do {
                for (BatchRunner runner : runners) {
                    // the runner writes its results there; they are dropped each round
                    Path log = folder.resolve("jvm-warm-up.jsonl");
                    batch(runner, log, warm, Progress.NONE);
                    deleteQuietly(log);
                    graded += warm.size();
                }
            } while (System.nanoTime() < deadline);
            return graded;
        });
    }

    /** Runs work with a temporary folder for its results logs, deleted afterwards. */
    private static <T> T inScratchFolder(Function<Path, T> work) {
        Path folder;
        try {
            folder = Files.createTempDirectory("pygrade-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(folder);
        } finally {
            for (String file : List.of("warm-up.jsonl", "jvm-warm-up.jsonl", ResultsLog.FILE)) {
                deleteQuietly(folder.resolve(file));
            }
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file left behind harms nothing
        }
    }

    private static void batch(BatchRunner runner, Path file, List<BenchPlan.Item> items, Progress progress) {
        List<BatchTask> tasks = items.stream().map(BenchPlan.Item::task).toList();
        try (ResultsLog log = ResultsLog.append(file)) {
            runner.run(tasks, log, progress);
        }
    }

    /** The same gradings, each one python3 process, {@code workers} at a time. */
    public Pass cpython(CPythonRunner runner, Supplier<Progress> progress) {
        long started = System.nanoTime();
        List<BenchPlan.Item> warm = warmUp();
        processes(runner, warm, new ConcurrentHashMap<>(), Progress.NONE);
        long warmUpMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, GradeResult> results = new ConcurrentHashMap<>();
        started = System.nanoTime();
        processes(runner, plan, results, progress.get());
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        return new Pass(CPYTHON, workers, Map.copyOf(results), wallMs, warmUpMs, warm.size());
    }

    private void processes(CPythonRunner runner, List<BenchPlan.Item> items, Map<String, GradeResult> results,
                           Progress progress) {
        progress.started(items.size());
        IndexedWorkers.run("pygrade-bench-cpython", workers, 0, items.size(), index -> {
            BenchPlan.Item item = items.get(index);
            GradeResult result = runner.grade(item.exercise(), item.answer().path(), item.task().label());
            results.put(key(item.candidate(), item.exercise().id()), result);
            progress.graded(new CandidateResult(item.candidate(), result));
        });
        progress.finished();
    }

    /** Check by check pass/fail, for every grading of the plan both passes graded. */
    public Agreement compare(Pass pygrade, Pass cpython) {
        int identical = 0;
        int gradings = 0;
        List<Difference> differences = new ArrayList<>();
        for (BenchPlan.Item item : plan) {
            String key = key(item.candidate(), item.exercise().id());
            GradeResult a = pygrade.results().get(key);
            GradeResult b = cpython.results().get(key);
            if (a == null || b == null) {
                continue;
            }
            gradings++;
            Map<String, CheckResult> left = byName(a);
            Map<String, CheckResult> right = byName(b);
            Set<String> names = new LinkedHashSet<>(left.keySet());
            names.addAll(right.keySet());
            boolean same = true;
            for (String name : names) {
                CheckResult x = left.get(name);
                CheckResult y = right.get(name);
                boolean passedX = x != null && x.passed();
                boolean passedY = y != null && y.passed();
                if (x == null || y == null || passedX != passedY) {
                    same = false;
                    differences.add(new Difference(item.exercise().id(), item.answer().name(), name,
                            x == null ? "absent" : x.status().wire(), y == null ? "absent" : y.status().wire()));
                }
            }
            if (names.isEmpty() && a.status() != b.status()) {
                same = false;
                differences.add(new Difference(item.exercise().id(), item.answer().name(), "(grading)",
                        a.status().wire(), b.status().wire()));
            }
            if (same) {
                identical++;
            }
        }
        return new Agreement(gradings, identical, List.copyOf(differences));
    }

    private static Map<String, CheckResult> byName(GradeResult result) {
        Map<String, CheckResult> map = new LinkedHashMap<>();
        result.checks().forEach(check -> map.put(check.name(), check));
        return map;
    }

    /** Keeps every result by (candidate, exercise), and passes the news on. */
    private record Collecting(Map<String, GradeResult> results, Progress next) implements Progress {
        @Override
        public void started(int total) {
            next.started(total);
        }

        @Override
        public void graded(CandidateResult result) {
            results.put(key(result.candidate(), result.exercise()), result.result());
            next.graded(result);
        }

        @Override
        public void finished() {
            next.finished();
        }
    }
}
