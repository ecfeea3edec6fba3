package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.ServiceSettings;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.server.GradingBackend;
import dev.pygrade.server.GradingServer;
import dev.pygrade.server.ServerSettings;
import dev.pygrade.server.WarmUp;
import dev.pygrade.store.Database;
import dev.pygrade.store.StoreException;
import dev.pygrade.worker.WorkerPool;
import dev.pygrade.worker.WorkerRuntime;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade serve: the grading server, its web pages and JSON API (docs/api.md), and assessments (docs/assessments.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a web page where candidates read the exercises and submit answers, a JSON API "
                + "(docs/api.md, /api/openapi.json), /healthz and /metrics. Stops gracefully on SIGTERM or Ctrl+C: "
                + "gradings under way finish, new submissions are refused with 503.",
                "Runs assessments too: candidates answer at their link (/a/TOKEN), instructors see the results at "
                        + "/instructor with a token from 'pygrade assessment token create'. They are stored in --data "
                        + "(a SQLite file, created on first start) or --db (PostgreSQL); submissions left pending by a "
                        + "server that was killed are graded when it starts again.",
                "Gradings run in worker JVMs by default, so that a memory bomb costs only its own request."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"  0:the server stopped after a signal", "  2:usage error (bad option, port in use)",
                "  3:internal error"})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}, "
            + "this machine only; 0.0.0.0 is every interface).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--workers", paramLabel = "N",
            description = "Gradings at once (default: the number of processors, ${DEFAULT-VALUE} here).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--queue", paramLabel = "N",
            description = "Submissions that may wait for a grading slot; beyond that, 429 (default: 8 per worker).")
    Integer queue;

    @Option(names = "--queue-timeout", paramLabel = "SECONDS",
            description = "A submission not started within this time is answered 429 instead (default: ${DEFAULT-VALUE}).")
    double queueTimeoutSeconds = 60;

    @Option(names = "--in-process",
            description = "Grade in this JVM instead of in worker JVMs: faster, but a memory bomb or a computation "
                    + "that ignores cancellation can then cost other requests their results, or the server.")
    boolean inProcess;

    @Option(names = "--worker-heap", paramLabel = "SIZE",
            description = "Heap of each worker JVM (default: the grading's memory limit plus 512m for GraalPy).")
    String workerHeap;

    @Option(names = "--cors", paramLabel = "ORIGIN",
            description = "Let pages from ORIGIN (e.g. https://lms.example.org) call the API; off by default.")
    String corsOrigin;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "Append the access log (one line per request) to FILE instead of stderr.")
    Path accessLogFile;

    @Mixin
    StoreOptions store;

    @Mixin
    IsolationOption isolation;

    @Mixin
    LimitOptions limits;

    /** At a stop, how long the assessment gradings under way may take to finish; the rest wait in the database. */
    private static final Duration ASSESSMENT_GRACE = Duration.ofSeconds(30);

    @Override
    public Integer call() throws Exception {
        if (workers < 1) {
            throw new UserError("--workers must be at least 1");
        }
        if (queueTimeoutSeconds <= 0) {
            throw new UserError("--queue-timeout must be a positive number of seconds");
        }
        limits.apply(Limits.DEFAULT); // a bad --timeout is a usage error before anything starts
        List<Exercise> exercises = root.services.exercises(root.exercisesDir).all();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerSettings settings;
        try {
            settings = ServerSettings.defaults(host, port, workers)
                    .withQueue(queue == null ? 8 * workers : queue, Duration.ofMillis(Math.round(queueTimeoutSeconds * 1000)))
                    .withCors(Optional.ofNullable(corsOrigin));
        } catch (IllegalArgumentException bad) {
            throw new UserError(bad.getMessage());
        }
        WorkerRuntime runtime = inProcess ? null : root.workerRuntime();
        long workerHeapBytes = inProcess ? 0 : limits.workerHeapBytes(workerHeap); // a bad size is a usage error now
        PrintWriter accessLog = accessLogFile == null ? err : appendTo(accessLogFile);
        Database database;
        try {
            database = Database.open(store.location(root.services)); // a SQLite file in --data, created if need be
        } catch (StoreException unusable) {
            throw new UserError(unusable.getMessage());
        }
        WorkerPool pool = inProcess ? null : new WorkerPool(workers, workerHeapBytes, root.services.home(),
                isolation.isolation, runtime);
        GradingBackend backend = pool == null
                ? new GradingBackend((exercise, submission, gradingLimits) -> root.services.grader(isolation.isolation).grade(exercise,
                        submission, gradingLimits), () -> root.services.poolStats(isolation.isolation), () -> 0)
                : new GradingBackend(pool, pool::poolStats, pool::replaced);
        // the same grading path as the practice API: these worker JVMs (or this JVM), under the same limits
        AssessmentService assessments = new AssessmentService(database, root.services.exercises(root.exercisesDir),
                backend.grading(), ServiceSettings.defaults().withGrading(workers, 16 * workers)
                .withLimits(exercise -> limits.apply(exercise.limits())).withLog(err));
        GradingServer server;
        try {
            server = GradingServer.start(settings, exercises, exercise -> limits.apply(exercise.limits()), backend,
                    Optional.of(assessments), accessLog, err);
        } catch (BindException taken) {
            assessments.close();
            database.close();
            if (pool != null) {
                pool.close();
            }
            throw new UserError("cannot listen on " + host + ":" + port + ": " + taken.getMessage());
        }
        assessments.start(); // grades at once what a server killed before left pending
        Thread stopper = new Thread(() -> {
            err.println("pygrade: stopping: refusing new submissions, finishing the gradings under way...");
            err.flush();
            boolean drained = server.shutdown();
            assessments.close(ASSESSMENT_GRACE); // what is not graded by then stays pending for the next start
            database.close();
            if (pool != null) {
                pool.close();
            }
            err.println(drained ? "pygrade: stopped." : "pygrade: stopped; some gradings did not finish in time.");
            err.flush();
        }, "pygrade-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("pygrade: serving " + exercises.size() + " exercises at " + server.url() + " ("
                + (pool == null ? "grading in this JVM" : "grading in " + workers + " worker JVMs, " + runtime.why()) + ", "
                + settings.slots() + " at a time, " + settings.waiting() + " more may wait)");
        out.println("pygrade: assessments in " + database.location() + "; instructors at " + server.url()
                + "instructor");
        out.flush();
        if (!settings.localOnly()) {
            err.println("pygrade: warning: listening on " + host + ", reachable from other machines: anyone who can "
                    + "reach this port can submit code to run. Put it behind a proxy with authentication.");
            err.flush();
        }
        WarmUp.start(backend.grading(), exercises, settings.slots(), err);
        server.awaitStop();
        return ExitCode.OK.code();
    }

    private static PrintWriter appendTo(Path file) {
        try {
            return new PrintWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), StandardCharsets.UTF_8), true);
        } catch (IOException unwritable) {
            throw new UserError("--access-log: cannot write " + file + ": " + unwritable.getMessage());
        }
    }
}
