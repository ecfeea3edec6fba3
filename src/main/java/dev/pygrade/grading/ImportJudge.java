package dev.pygrade.grading;

import dev.pygrade.sandbox.ExceptionInfo;
import dev.pygrade.sandbox.ImportOutcome;
import dev.pygrade.sandbox.Step;
import java.time.Duration;

/** Turns the outcome of importing a submission into a located problem, or null. */
final class ImportJudge {
    private ImportJudge() {
    }

    static Problem judge(Step<ImportOutcome> step, Duration limit, String output) {
        return switch (step) {
            case Step.Done<ImportOutcome> done -> switch (done.value()) {
                case ImportOutcome.Imported imported -> null;
                case ImportOutcome.SyntaxProblem syntax -> new Problem(Problem.Kind.SYNTAX,
                        "SyntaxError: " + syntax.message(), syntax.file(), syntax.line(), syntax.column(),
                        syntax.sourceLine(), null);
                case ImportOutcome.Raised raised -> raisedAtImport(raised.exception(), output);
                case ImportOutcome.TestsNotLoaded tests -> testsNotLoaded(tests.exception());
            };
            case Step.Stopped<ImportOutcome> stopped -> switch (stopped.reason()) {
                case TIMEOUT -> Problem.of(Problem.Kind.TIMEOUT, "importing the submission took longer than "
                        + Grader.seconds(limit) + " (an endless loop or a long computation at the top level?)");
                case MEMORY -> Problem.of(Problem.Kind.MEMORY,
                        "importing the submission used more memory than allowed");
                case EXIT -> Problem.of(Problem.Kind.EXIT, "importing the submission ended the interpreter ("
                        + stopped.detail() + "); a solution must not exit");
                case STACK_OVERFLOW -> Problem.of(Problem.Kind.IMPORT,
                        "importing the submission overflowed the stack (unbounded recursion)");
                case DENIED -> Problem.of(Problem.Kind.IMPORT, "importing the submission failed: " + stopped.detail());
                case INTERNAL_ERROR -> Problem.of(Problem.Kind.INTERNAL, stopped.detail());
            };
        };
    }

    private static Problem testsNotLoaded(ExceptionInfo exception) {
        String message = "the unittest file could not be loaded with this answer: " + exception.type()
                + (exception.message().isEmpty() ? "" : ": " + exception.message());
        ExceptionInfo.Frame first = exception.frames().isEmpty() ? null : exception.frames().get(0);
        return new Problem(Problem.Kind.IMPORT, message, first == null ? null : first.file(),
                first == null ? null : first.line(), null, first == null ? null : first.source(), exception.frames());
    }

    private static Problem raisedAtImport(ExceptionInfo exception, String output) {
        String message = exception.type() + (exception.message().isEmpty() ? "" : ": " + exception.message())
                + " was raised while importing the submission";
        if (exception.type().equals("SystemExit")) {
            message = "the submission called exit() while being imported (SystemExit"
                    + (exception.message().isEmpty() ? "" : ": " + exception.message()) + "); a solution must not exit";
        }
        message = PlatformGaps.annotate(message);
        if (!output.isBlank()) {
            message += "\noutput before the error:\n" + output;
        }
        ExceptionInfo.Frame last = exception.frames().isEmpty() ? null
                : exception.frames().get(exception.frames().size() - 1);
        return new Problem(exception.type().equals("SystemExit") ? Problem.Kind.EXIT : Problem.Kind.IMPORT, message,
                last == null ? null : last.file(), last == null ? null : last.line(), null,
                last == null ? null : last.source(), exception.frames());
    }
}
