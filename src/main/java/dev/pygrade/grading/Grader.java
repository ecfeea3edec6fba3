package dev.pygrade.grading;

import dev.pygrade.exercise.Capabilities;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.sandbox.CheckSpec;
import dev.pygrade.sandbox.ContextPool;
import dev.pygrade.sandbox.GradingInput;
import dev.pygrade.sandbox.HarnessSession;
import dev.pygrade.sandbox.ImportOutcome;
import dev.pygrade.sandbox.SandboxPolicy;
import dev.pygrade.sandbox.Step;
import dev.pygrade.submission.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one grading path: exercise + submission -> leased sandbox -> hidden checks ->
 * result record. A check that times out, exhausts memory or ends the interpreter
 * costs only itself: the remaining checks run in a fresh context.
 */
public final class Grader implements Grading {
    private final ContextPool pool;

    public Grader(ContextPool pool) {
        this.pool = pool;
    }

    @Override
    public GradeResult grade(Exercise exercise, Submission submission, Limits limits) {
        return grade(exercise, submission, limits, checks -> { });
    }

    /**
     * Grades, telling {@code checksKnown} the exercise's checks as soon as they are loaded (a
     * supervisor that may have to kill this grading can then still report every check).
     */
    public GradeResult grade(Exercise exercise, Submission submission, Limits limits,
            Consumer<List<CheckSpec>> checksKnown) {
        long started = System.nanoTime();
        GradingRun run = new GradingRun(exercise, submission, limits, started, false);
        GradeResult result = run.execute(checksKnown);
        if (result.error() != null && result.error().kind() == Problem.Kind.TAMPERING && run.reusedContext) {
            // Tampering seen in a context that graded others before: it may be an earlier
            // grading's doing, so this submission is graded again where nothing came before.
            result = new GradingRun(exercise, submission, limits, started, true).execute(checks -> { });
        }
        return result;
    }

    /** The state of one grading while it runs. */
    private final class GradingRun {
        private final Exercise exercise;
        private final Submission submission;
        private final Limits limits;
        private final long started;
        /** Set once the sandbox is ready: starting GraalPy is the grader's cost, not the candidate's. */
        private long deadline;
        private final GradingInput input;
        private final SandboxPolicy policy;
        /** Grade only in contexts that graded nothing before. */
        private final boolean unusedContexts;
        /** Whether any context of this run had graded before. */
        boolean reusedContext;

        GradingRun(Exercise exercise, Submission submission, Limits limits, long started, boolean unusedContexts) {
            this.unusedContexts = unusedContexts;
            this.exercise = exercise;
            this.submission = submission;
            this.limits = limits;
            this.started = started;
            Map<String, GradingInput.CandidateFile> files = new LinkedHashMap<>();
            submission.files().forEach((path, file) ->
                    files.put(path, new GradingInput.CandidateFile(file.displayName(), file.text())));
            this.input = new GradingInput(exercise.checksSource(), files, exercise.module());
            this.policy = policyFor(exercise, limits);
        }

        GradeResult execute(Consumer<List<CheckSpec>> checksKnown) {
            Step<HarnessSession> opened = open();
            if (opened instanceof Step.Stopped<HarnessSession> stopped) {
                return result(Status.INTERNAL_ERROR, Problem.of(Problem.Kind.INTERNAL, stopped.detail()), List.of());
            }
            HarnessSession session = ((Step.Done<HarnessSession>) opened).value();
            deadline = System.nanoTime() + limits.totalTimeout().toNanos();
            List<CheckSpec> specs = session.checks();
            checksKnown.accept(specs);
            try {
                Problem importProblem = importInto(session);
                if (importProblem != null && importProblem.kind() == Problem.Kind.TAMPERING) {
                    return tampered(specs, session.tampering());
                }
                if (importProblem != null) {
                    return result(statusOf(importProblem), importProblem, notRun(specs, 0,
                            "not run: the submission could not be loaded"));
                }
                List<CheckResult> results = new ArrayList<>();
                for (int index = 0; index < specs.size(); index++) {
                    if (remaining().isZero()) {
                        results.addAll(notRun(specs, index, "not run: the grading reached its total time limit of "
                                + seconds(limits.totalTimeout())));
                        break;
                    }
                    if (!session.usable()) {
                        session.close();
                        session = reopen();
                        if (session == null) {
                            results.addAll(notRun(specs, index,
                                    "not run: the submission could not be loaded again after the previous check"));
                            break;
                        }
                    }
                    CheckSpec spec = specs.get(index);
                    Duration limit = min(limits.checkTimeout(), remaining());
                    results.add(CheckJudge.judge(spec, session.runCheck(index, limit), limit));
                    if (session.tampering() != null) {
                        return tampered(specs, session.tampering());
                    }
                }
                return result(overall(results), null, results);
            } finally {
                if (session != null) {
                    session.close();
                }
            }
        }

        /** Null when the submission imported cleanly. */
        private Problem importInto(HarnessSession session) {
            Duration limit = min(limits.checkTimeout(), remaining());
            Step<ImportOutcome> imported = session.importCandidate(limit);
            String output = session.takeOutput();
            if (session.tampering() != null) {
                return Problem.of(Problem.Kind.TAMPERING, tamperingMessage(session.tampering()));
            }
            return ImportJudge.judge(imported, limit, output);
        }

        private Step<HarnessSession> open() {
            Step<HarnessSession> opened = HarnessSession.open(pool, policy, input, unusedContexts);
            if (opened instanceof Step.Done<HarnessSession> done && done.value().reusedContext()) {
                reusedContext = true;
            }
            return opened;
        }

        private HarnessSession reopen() {
            Step<HarnessSession> opened = open();
            if (!(opened instanceof Step.Done<HarnessSession> done)) {
                return null;
            }
            HarnessSession session = done.value();
            if (importInto(session) != null) {
                session.close();
                return null;
            }
            return session;
        }

        private GradeResult tampered(List<CheckSpec> specs, String what) {
            List<CheckResult> failed = new ArrayList<>();
            for (CheckSpec spec : specs) {
                failed.add(new CheckResult(spec.name(), spec.description(), CheckStatus.FAILED, 0, spec.weight(),
                        "not graded: the submission tampered with the grader", ""));
            }
            return result(Status.ERROR, Problem.of(Problem.Kind.TAMPERING, tamperingMessage(what)), failed);
        }

        private Duration remaining() {
            long left = deadline - System.nanoTime();
            return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
        }

        private GradeResult result(Status status, Problem problem, List<CheckResult> checks) {
            double score = checks.stream().mapToDouble(CheckResult::score).sum();
            double max = checks.stream().mapToDouble(CheckResult::maxScore).sum();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new GradeResult(exercise.id(), submission.label(), status, score, max, millis, problem, checks);
        }
    }

    /** What a grading of this exercise under these limits may do in its sandbox. */
    public static SandboxPolicy policyFor(Exercise exercise, Limits limits) {
        return policyFor(exercise.capabilities(), limits, exercise.imports());
    }

    /**
     * What a grading with these capabilities, under these limits, may do in its sandbox; warm:
     * the modules it is expected to import.
     */
    public static SandboxPolicy policyFor(Capabilities capabilities, Limits limits, List<String> warm) {
        return new SandboxPolicy(capabilities.threads(), capabilities.tracing(), capabilities.asyncio(),
                capabilities.files(), limits.maxOutputBytes(), limits.memoryBytes(), warm);
    }

    private static String tamperingMessage(String what) {
        return "the submission tampered with the grader (" + what + "); no marks are given";
    }

    /** Every check not run, for a grading that ended before its checks could run. */
    public static List<CheckResult> notRun(List<CheckSpec> specs, String why) {
        return notRun(specs, 0, why);
    }

    private static List<CheckResult> notRun(List<CheckSpec> specs, int from, String why) {
        List<CheckResult> results = new ArrayList<>();
        for (CheckSpec spec : specs.subList(from, specs.size())) {
            results.add(new CheckResult(spec.name(), spec.description(), CheckStatus.NOT_RUN, 0, spec.weight(), why, ""));
        }
        return results;
    }

    private static Status statusOf(Problem problem) {
        return switch (problem.kind()) {
            case TIMEOUT -> Status.TIMEOUT;
            case MEMORY -> Status.MEMORY;
            case INTERNAL -> Status.INTERNAL_ERROR;
            default -> Status.ERROR;
        };
    }

    private static Status overall(List<CheckResult> results) {
        if (results.stream().anyMatch(r -> r.status() == CheckStatus.INTERNAL_ERROR)) {
            return Status.INTERNAL_ERROR;
        }
        if (results.stream().anyMatch(r -> r.status() == CheckStatus.MEMORY)) {
            return Status.MEMORY;
        }
        if (results.stream().anyMatch(r -> r.status() == CheckStatus.TIMEOUT || r.status() == CheckStatus.NOT_RUN)) {
            return Status.TIMEOUT;
        }
        return results.stream().noneMatch(CheckResult::lost) ? Status.PASSED : Status.FAILED;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
