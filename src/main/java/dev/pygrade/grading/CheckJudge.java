package dev.pygrade.grading;

import dev.pygrade.sandbox.CheckRun;
import dev.pygrade.sandbox.CheckSpec;
import dev.pygrade.sandbox.ExceptionInfo;
import dev.pygrade.sandbox.Step;
import java.time.Duration;

/**
 * Decides one check's status from what the host recorded. A check passes only when
 * it returned, observed at least one expectation, and every observation held.
 */
final class CheckJudge {
    private CheckJudge() {
    }

    static CheckResult judge(CheckSpec spec, Step<CheckRun> step, Duration limit) {
        return switch (step) {
            case Step.Done<CheckRun> done -> fromRun(spec, done.value());
            case Step.Stopped<CheckRun> stopped -> switch (stopped.reason()) {
                case TIMEOUT -> result(spec, CheckStatus.TIMEOUT, "did not finish within " + Grader.seconds(limit)
                        + " (an endless loop, a deadlock, or far too slow)", "");
                case MEMORY -> result(spec, CheckStatus.MEMORY, "used more memory than allowed", "");
                case EXIT -> result(spec, CheckStatus.ERROR, stopped.detail() + "; a solution must not exit", "");
                case STACK_OVERFLOW -> result(spec, CheckStatus.ERROR,
                        "the stack overflowed (unbounded recursion)", "");
                case DENIED -> result(spec, CheckStatus.ERROR, stopped.detail(), "");
                case INTERNAL_ERROR -> result(spec, CheckStatus.INTERNAL_ERROR,
                        "the grader failed on this check, not your code: " + stopped.detail(), "");
            };
        };
    }

    private static CheckResult fromRun(CheckSpec spec, CheckRun run) {
        if (!run.failedObservations().isEmpty()) {
            String message = run.failedObservations().get(0);
            int more = run.failedObservations().size() - 1;
            if (more > 0) {
                message += " (and " + more + " more failed expectation" + (more == 1 ? "" : "s") + ")";
            }
            return result(spec, run.onlyErrors() ? CheckStatus.ERROR : CheckStatus.FAILED, message, run.output());
        }
        return switch (run.ending()) {
            case FAILED -> result(spec, CheckStatus.FAILED, run.failureMessage(), run.output());
            case RAISED -> result(spec, CheckStatus.ERROR, raised(run.exception()), run.output());
            case RETURNED -> run.skipReason() != null
                    ? new CheckResult(spec.name(), spec.description(), CheckStatus.SKIPPED, 0, 0,
                    run.skipReason().isEmpty() ? "skipped" : "skipped: " + run.skipReason(), run.output())
                    : run.passedObservations() > 0
                    ? new CheckResult(spec.name(), spec.description(), CheckStatus.PASSED, spec.weight(),
                    spec.weight(), "", run.output())
                    : result(spec, CheckStatus.ERROR, "the check observed nothing, so it cannot pass", run.output());
        };
    }

    private static String raised(ExceptionInfo exception) {
        StringBuilder message = new StringBuilder();
        switch (exception.type()) {
            case "SystemExit" -> message.append("your code called exit() (SystemExit")
                    .append(exception.message().isEmpty() ? "" : ": " + exception.message()).append(')');
            case "KeyboardInterrupt" -> message.append("your code raised KeyboardInterrupt");
            default -> message.append(exception.type())
                    .append(exception.message().isEmpty() ? "" : ": " + exception.message());
        }
        for (ExceptionInfo.Frame frame : exception.frames()) {
            message.append("\n  ").append(frame.file()).append(", line ").append(frame.line()).append(", in ")
                    .append(frame.function());
            if (!frame.source().isBlank()) {
                message.append(": ").append(frame.source().strip());
            }
        }
        return message.toString();
    }

    private static CheckResult result(CheckSpec spec, CheckStatus status, String message, String output) {
        return new CheckResult(spec.name(), spec.description(), status, 0, spec.weight(),
                PlatformGaps.annotate(message), output);
    }
}
