package dev.pygrade.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the harness's answers (tuples of plain data) into records. An answer of the
 * wrong shape can only come from tampering, so it is an error, never a pass.
 */
final class HarnessAnswers {
    private HarnessAnswers() {
    }

    static List<PlainValue> items(PlainValue value) {
        if (value instanceof PlainValue.Sequence sequence) {
            return sequence.items();
        }
        throw new IllegalStateException("the harness answered " + value.typeName() + " where a tuple belongs");
    }

    static String text(PlainValue value) {
        if (value instanceof PlainValue.Str s) {
            return s.value();
        }
        if (value instanceof PlainValue.None) {
            return "";
        }
        throw new IllegalStateException("the harness answered " + value.typeName() + " where text belongs");
    }

    static int number(PlainValue value) {
        if (value instanceof PlainValue.Int i) {
            return i.value().intValue();
        }
        throw new IllegalStateException("the harness answered " + value.typeName() + " where a number belongs");
    }

    static ImportOutcome importOutcome(PlainValue answer) {
        List<PlainValue> parts = items(answer);
        return switch (text(parts.get(0))) {
            case "ok" -> new ImportOutcome.Imported();
            case "tests" -> new ImportOutcome.TestsNotLoaded(exception(parts.get(1)));
            case "syntax" -> new ImportOutcome.SyntaxProblem(text(parts.get(1)), number(parts.get(2)),
                    number(parts.get(3)), text(parts.get(4)), text(parts.get(5)));
            case "raised" -> new ImportOutcome.Raised(exception(parts.get(1)));
            default -> throw new IllegalStateException("unknown import answer");
        };
    }

    /** Whether an import answer says a unittest file was loaded with the answer: ("ok", True). */
    static boolean testsLoaded(PlainValue answer) {
        List<PlainValue> parts = items(answer);
        return parts.size() > 1 && parts.get(1) instanceof PlainValue.Bool loaded && loaded.value();
    }

    static CheckRun checkRun(PlainValue answer, ObservationLog log, String output) {
        List<PlainValue> parts = items(answer);
        String kind = text(parts.get(0));
        CheckRun.Ending ending = switch (kind) {
            case "returned" -> CheckRun.Ending.RETURNED;
            case "failed" -> CheckRun.Ending.FAILED;
            case "raised" -> CheckRun.Ending.RAISED;
            default -> throw new IllegalStateException("unknown check answer");
        };
        String message = ending == CheckRun.Ending.FAILED ? text(parts.get(1)) : null;
        ExceptionInfo exception = ending == CheckRun.Ending.RAISED ? exception(parts.get(1)) : null;
        return new CheckRun(ending, message, exception, log.passed(), log.failures(), log.onlyErrors(), log.tampering(),
                log.skipped(), output);
    }

    static ExceptionInfo exception(PlainValue value) {
        List<PlainValue> parts = items(value);
        List<ExceptionInfo.Frame> frames = new ArrayList<>();
        for (PlainValue frame : items(parts.get(2))) {
            List<PlainValue> f = items(frame);
            frames.add(new ExceptionInfo.Frame(text(f.get(0)), number(f.get(1)), text(f.get(2)), text(f.get(3))));
        }
        return new ExceptionInfo(text(parts.get(0)), text(parts.get(1)), frames);
    }
}
