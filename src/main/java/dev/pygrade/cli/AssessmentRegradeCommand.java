package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.RegradeReport;
import dev.pygrade.assessment.ServiceSettings;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.Grading;
import dev.pygrade.worker.WorkerPool;
import dev.pygrade.worker.WorkerRuntime;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pygrade assessment regrade ID [--exercise ID]: grade every stored submission again and say what changed. */
@Command(name = "regrade", mixinStandardHelpOptions = true,
        description = {"Grades every graded submission of an assessment again, against the exercises as they are now, "
                + "keeps the earlier results, and prints per candidate what changed: the score, the checks whose "
                + "status changed, and which parts of the receipt changed (checks, prompt, limits, code, pygrade)."})
final class AssessmentRegradeCommand extends AssessmentSubcommand {
    @Parameters(paramLabel = "ASSESSMENT", description = "The assessment's id.")
    long assessmentId;

    @Option(names = "--exercise", paramLabel = "ID", description = "Regrade only this exercise's submissions.")
    String exercise;

    @Option(names = "--workers", paramLabel = "N",
            description = "Gradings at once (default: the number of processors, ${DEFAULT-VALUE} here).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--in-process",
            description = "Grade in this JVM instead of in worker JVMs: faster to start, but a memory bomb can then "
                    + "cost its neighbours their results.")
    boolean inProcess;

    @Option(names = "--worker-heap", paramLabel = "SIZE",
            description = "Heap of each worker JVM (default: the grading's memory limit plus 512m for GraalPy).")
    String workerHeap;

    @Mixin
    IsolationOption isolation;

    @Mixin
    LimitOptions limits;

    @Mixin
    FormatOption format;

    private WorkerPool pool;

    @Override
    Grading grading() {
        if (workers < 1) {
            throw new UserError("--workers must be at least 1");
        }
        limits.apply(Limits.DEFAULT); // a bad --timeout is a usage error before anything starts
        if (inProcess) {
            return (exercise, submission, exerciseLimits) -> root().services.grader(isolation.isolation)
                    .grade(exercise, submission, exerciseLimits);
        }
        WorkerRuntime runtime = root().workerRuntime();
        // the worker JVMs start with the first grading: an unknown assessment, or one with nothing graded, starts none
        return (exercise, submission, exerciseLimits) -> workers(runtime).grade(exercise, submission, exerciseLimits);
    }

    private synchronized WorkerPool workers(WorkerRuntime runtime) {
        if (pool == null) {
            pool = new WorkerPool(workers, limits.workerHeapBytes(workerHeap), root().services.home(),
                    isolation.isolation, runtime);
        }
        return pool;
    }

    @Override
    synchronized void closeGrading() {
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    ServiceSettings settings(PrintWriter err) {
        return super.settings(err).withGrading(workers, workers).withLimits(e -> limits.apply(e.limits()));
    }

    @Override
    int execute(AssessmentService service, PrintWriter out, PrintWriter err) throws InterruptedException {
        RegradeReport report = service.regrade(assessmentId, Optional.ofNullable(exercise));
        if (format.format == FormatOption.Format.json) {
            out.println(AssessmentJson.regrade(report));
            return ExitCode.OK.code();
        }
        out.println("regraded " + report.regraded() + " submission(s) of assessment " + report.assessmentId() + ": "
                + (report.regraded() - report.unchanged()) + " changed, " + report.unchanged() + " unchanged");
        report.byCandidate().forEach((candidate, changes) -> {
            out.println(candidate + ":");
            for (RegradeReport.Change change : changes) {
                out.printf(Locale.ROOT, "  %s attempt %d: %s -> %s of %s (%s -> %s)%s%n", change.exerciseId(),
                        change.attempt(), number(change.oldScore()), number(change.newScore()),
                        number(change.maxScore()), change.oldStatus(), change.newStatus(),
                        change.receiptChanges().isEmpty() ? "" : "; changed: " + String.join(", ",
                                change.receiptChanges()));
                for (RegradeReport.CheckChange check : change.checks()) {
                    out.println("    " + check.name() + ": " + check.before().orElse("(new check)") + " -> "
                            + check.after().orElse("(removed)"));
                }
            }
        });
        return ExitCode.OK.code();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
