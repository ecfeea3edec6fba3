package dev.pygrade.cli;

import dev.pygrade.batch.BatchPlan;
import dev.pygrade.batch.BatchRunner;
import dev.pygrade.batch.BatchTask;
import dev.pygrade.batch.IsolationByPlan;
import dev.pygrade.batch.PairKey;
import dev.pygrade.batch.ResultsLog;
import dev.pygrade.batch.ShardResolver;
import dev.pygrade.batch.SubmissionScanner;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.Grading;
import dev.pygrade.sandbox.Isolation;
import dev.pygrade.worker.WorkerPool;
import dev.pygrade.worker.WorkerRuntime;
import dev.pygrade.report.BatchReports;
import dev.pygrade.report.BatchSummary;
import dev.pygrade.report.CandidateResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade batch SUBMISSIONS --out RESULTS: every candidate against every exercise they answered. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Grades a folder of candidates' answers, laid out as SUBMISSIONS/<candidate>/<exercise-id>.py "
                + "(or <exercise-id>/ or <exercise-id>.zip), in parallel.",
                "RESULTS receives results.jsonl (one result per line, written as gradings end), summary.csv, "
                + "junit.xml and gradescope/<candidate>/<exercise>/results.json. See docs/batch.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "  0:the batch completed (whatever the scores)",
                "  2:usage or input error (missing folder, unknown exercise, RESULTS already holds results "
                        + "without --resume, bad --shard)",
                "  3:internal error: pygrade failed, or a grading ended 'internal-error' (recorded; see the summary)"})
final class BatchCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "Folder of candidate folders.")
    Path submissions;

    @Option(names = "--out", required = true, paramLabel = "RESULTS", description = "Folder for the results.")
    Path out;

    @Option(names = "--exercise", paramLabel = "ID", description = "Grade only this exercise (repeatable).")
    List<String> exerciseIds = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N",
            description = "Gradings at once (default: the number of processors, ${DEFAULT-VALUE} here).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--resume", description = "Keep RESULTS/results.jsonl and grade only the pairs it lacks.")
    boolean resume;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Grade shard K of N (1-based) of the (candidate, exercise) pairs. Default: from "
                    + "PYGRADE_SHARD, JOB_COMPLETION_INDEX (with --shard-count or PYGRADE_SHARD_COUNT) or "
                    + "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT; else everything.")
    String shard;

    @Option(names = "--shard-count", paramLabel = "N",
            description = "The number of shards, with a Kubernetes Indexed Job's JOB_COMPLETION_INDEX.")
    Integer shardCount;

    @Option(names = "--in-process",
            description = "Grade in this JVM instead of in worker JVMs: faster to start, but a memory bomb or a "
                    + "computation that ignores cancellation can then cost its neighbours their results.")
    boolean inProcess;

    @Option(names = "--worker-heap", paramLabel = "SIZE",
            description = "Heap of each worker JVM (default: the grading's memory limit plus 512m for GraalPy).")
    String workerHeap;

    @Mixin
    IsolationOption isolation;

    @Mixin
    FormatOption format;

    @Mixin
    LimitOptions limits;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        if (!Files.isDirectory(submissions)) {
            throw new UserError(submissions + ": not a folder of candidate folders");
        }
        if (workers < 1) {
            throw new UserError("--workers must be at least 1");
        }
        limits.apply(Limits.DEFAULT); // a bad --timeout is a usage error before anything runs
        ShardResolver.Resolved resolved;
        try {
            resolved = ShardResolver.resolve(shard, shardCount, root.services.environment());
        } catch (IllegalArgumentException bad) {
            throw new UserError(bad.getMessage());
        }
        ExerciseRepository repository = root.services.exercises(root.exercisesDir);
        exerciseIds.forEach(id -> ExerciseLookup.require(repository, id));
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + ": --out must be a folder");
        }
        Path resultsFile = out.resolve(ResultsLog.FILE);
        if (!resume && ResultsLog.hasContent(resultsFile)) {
            throw new UserError(resultsFile + " already holds results; pass --resume to grade only what is "
                    + "missing, or choose another --out");
        }
        List<CandidateResult> recorded = load(resultsFile, true);
        Set<PairKey> done = new HashSet<>();
        recorded.forEach(line -> done.add(new PairKey(line.candidate(), line.exercise())));

        BatchPlan plan = new SubmissionScanner(repository::find, Set.copyOf(exerciseIds)).scan(submissions, out)
                .filter(resolved.shard()::contains);
        // graded exercise by exercise: a worker's warm contexts hold one exercise's modules, and
        // are reused while its gradings last
        List<BatchTask> missing = plan.tasks().stream().filter(task -> !done.contains(task.key()))
                .sorted(Comparator.comparing((BatchTask task) -> task.key().exercise())).toList();
        int already = plan.tasks().size() - missing.size();

        PrintWriter err = spec.commandLine().getErr();
        if (already > 0) {
            err.println("pygrade: resuming: " + already + " grading(s) already recorded, " + missing.size() + " to go");
        }
        int graded;
        Isolation chosen = spec.commandLine().getParseResult().hasMatchedOption("--isolation") ? isolation.isolation
                : IsolationByPlan.choose(missing);
        WorkerRuntime runtime = inProcess || missing.isEmpty() ? null : root.workerRuntime();
        if (runtime != null && runtime.kind() == WorkerRuntime.Kind.OPTIMIZING) {
            err.println("pygrade: worker JVMs on the " + runtime.why());
        }
        try (WorkerPool pool = runtime == null ? null
                : new WorkerPool(workers, limits.workerHeapBytes(workerHeap), root.services.home(), chosen, runtime);
             ResultsLog log = ResultsLog.append(resultsFile)) {
            Grading grading = pool != null ? pool
                    : (exercise, submission, exerciseLimits) -> root.services.grader(chosen).grade(exercise,
                            submission, exerciseLimits);
            BatchRunner runner = new BatchRunner(grading, workers, exercise -> limits.apply(exercise.limits()));
            graded = runner.run(missing, log, root.progress(err));
        }
        List<CandidateResult> all = load(resultsFile, false);
        BatchReports.write(all, out);
        BatchSummary summary = BatchSummary.of(out.toString(), resolved.shard().toString(), all, graded, already,
                plan.skipped(), (System.nanoTime() - started) / 1_000_000);
        PrintWriter stdout = spec.commandLine().getOut();
        if (format.format == FormatOption.Format.json) {
            summary.writeJson(stdout);
        } else {
            summary.writeText(stdout);
        }
        return summary.hasInternalErrors() ? ExitCode.INTERNAL.code() : ExitCode.OK.code();
    }

    static List<CandidateResult> load(Path resultsFile, boolean repair) {
        try {
            return ResultsLog.load(resultsFile, repair);
        } catch (IllegalArgumentException notResults) {
            throw new UserError(notResults.getMessage() + " (not a results line written by pygrade)");
        }
    }
}
