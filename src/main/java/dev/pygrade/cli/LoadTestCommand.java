package dev.pygrade.cli;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.loadtest.LoadPlan;
import dev.pygrade.loadtest.LoadReport;
import dev.pygrade.loadtest.LoadRunner;
import dev.pygrade.server.GradingBackend;
import dev.pygrade.server.GradingServer;
import dev.pygrade.server.ServerSettings;
import dev.pygrade.server.WarmUp;
import dev.pygrade.worker.WorkerPool;
import dev.pygrade.worker.WorkerRuntime;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * pygrade loadtest: starts a server on loopback, sends it a mix of correct, wrong and hostile
 * answers, checks every verdict, and reports latency and throughput. It stops by itself.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Starts a grading server on 127.0.0.1 (a free port), sends it SUBMISSIONS answers to the "
                + "LRU-cache exercise, CONCURRENCY at a time (12 of every 20 correct, 5 wrong, 3 hostile, as recorded "
                + "in fixtures/), checks every verdict, and prints p50/p99 latency and throughput.",
                "It stops when every submission is answered or at --max-minutes; a submission not answered by then "
                        + "counts as lost."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"  0:every submission answered with its expected verdict",
                "  1:a verdict was wrong, or a submission was lost", "  2:usage error"})
final class LoadTestCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    IsolationOption isolation;

    @Option(names = "--submissions", paramLabel = "N", description = "Submissions to send (default: ${DEFAULT-VALUE}).")
    int submissions = 1000;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests at a time (default: ${DEFAULT-VALUE}).")
    int concurrency = 32;

    @Option(names = "--workers", paramLabel = "N",
            description = "The server's gradings at once (default: the number of processors, ${DEFAULT-VALUE} here).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--in-process", description = "The server grades in its own JVM instead of worker JVMs.")
    boolean inProcess;

    @Option(names = "--max-minutes", paramLabel = "MINUTES",
            description = "Stop sending after this long (default: ${DEFAULT-VALUE}).")
    double maxMinutes = 60;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the mix (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws Exception {
        if (submissions < 1 || concurrency < 1 || workers < 1 || maxMinutes <= 0) {
            throw new UserError("--submissions, --concurrency, --workers and --max-minutes must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadPlan plan = LoadPlan.build(root.services.home(), submissions, seed);
        List<Exercise> exercises = root.services.exercises(root.exercisesDir).all();
        WorkerRuntime runtime = inProcess ? null : root.workerRuntime();
        WorkerPool pool = inProcess ? null
                : new WorkerPool(workers, Limits.DEFAULT_MEMORY_BYTES + 512L * 1024 * 1024,
                        root.services.home(), isolation.isolation, runtime);
        GradingBackend backend = pool == null
                ? new GradingBackend((exercise, submission, limits) -> root.services.grader(isolation.isolation).grade(exercise, submission,
                        limits), () -> root.services.poolStats(isolation.isolation), () -> 0)
                : new GradingBackend(pool, pool::poolStats, pool::replaced);
        ServerSettings settings = ServerSettings.defaults("127.0.0.1", 0, workers);
        GradingServer server = GradingServer.start(settings, exercises, Exercise::limits, backend,
                Optional.empty(), new PrintWriter(Writer.nullWriter()), err); // the practice API alone
        try {
            WarmUp.run(backend.grading(), exercises, settings.slots(), err); // figures of gradings, not JVM starts
            out.printf(Locale.ROOT, "loadtest: %d submissions (%d correct, %d wrong, %d hostile), %d at a time, to %s "
                    + "(%s, %d gradings at once, %d more may wait)%n", submissions, plan.count(LoadPlan.Kind.CORRECT),
                    plan.count(LoadPlan.Kind.WRONG), plan.count(LoadPlan.Kind.HOSTILE), concurrency, server.url(),
                    pool == null ? "in-process" : "worker JVMs, " + runtime.why(), settings.slots(), settings.waiting());
            out.flush();
            LoadReport report = new LoadRunner(server.url(), concurrency,
                    Duration.ofMillis(Math.round(maxMinutes * 60_000)), err).run(plan);
            report.write(out);
            return report.passed() ? ExitCode.OK.code() : ExitCode.BELOW_FULL_MARKS.code();
        } finally {
            server.shutdown();
            if (pool != null) {
                pool.close();
            }
        }
    }
}
