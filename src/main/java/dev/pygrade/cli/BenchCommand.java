package dev.pygrade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pygrade.bench.BenchReport;
import dev.pygrade.bench.BenchRun;
import dev.pygrade.bench.BenchText;
import dev.pygrade.bench.ColdStart;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
        BenchRun.Settings settings = new BenchRun.Settings(candidates, workers, !noCpython, !noFresh,
                workerJvms ? root.workerRuntime() : null, memoryGradings, coldStartRuns,
                Duration.ofSeconds(warmUpSeconds));
        PrintWriter err = spec.commandLine().getErr();
        BenchReport report = new BenchRun(root.services, err, () -> root.progress(err)).run(settings, exercises);
        PrintWriter out = spec.commandLine().getOut();
        if (format.format == FormatOption.Format.json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            BenchText.write(out, report);
        }
        return report.sawInternalErrors() ? ExitCode.INTERNAL.code() : ExitCode.OK.code();
    }
}
