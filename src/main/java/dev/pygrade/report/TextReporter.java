package dev.pygrade.report;

import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Problem;
import java.io.PrintWriter;
import java.util.Locale;

/** The human report: one line per check, the reason under each failure, then the score. */
public final class TextReporter implements Reporter {
    private static final int OUTPUT_LINES_SHOWN = 20;

    @Override
    public void write(GradeResult result, PrintWriter out) {
        out.println(result.exercise() + ": " + result.submission());
        if (result.error() != null) {
            writeProblem(result.error(), out);
        }
        int width = result.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (CheckResult check : result.checks()) {
            out.printf(Locale.ROOT, "  %-7s %-" + Math.max(width, 1) + "s  %s/%s  %s%n", label(check), check.name(),
                    number(check.score()), number(check.maxScore()), check.description());
            if (!check.passed() && !check.message().isBlank()) {
                check.message().lines().forEach(line -> out.println("          " + line));
            }
            if (!check.output().isBlank() && !check.passed()) {
                out.println("          output:");
                check.output().lines().limit(OUTPUT_LINES_SHOWN).forEach(line -> out.println("          | " + line));
                long more = check.output().lines().count() - OUTPUT_LINES_SHOWN;
                if (more > 0) {
                    out.println("          | ... " + more + " more lines");
                }
            }
        }
        out.printf(Locale.ROOT, "Score: %s / %s (%s) in %d ms%n", number(result.score()), number(result.maxScore()),
                result.status().wire(), result.durationMs());
        out.flush();
    }

    private static void writeProblem(Problem problem, PrintWriter out) {
        out.println("  error: " + problem.located().replace("\n", "\n         "));
        if (problem.sourceLine() != null && !problem.sourceLine().isBlank()) {
            out.println("    " + problem.sourceLine());
            if (problem.column() != null && problem.column() > 0) {
                out.println("    " + " ".repeat(problem.column() - 1) + "^");
            }
        }
        if (problem.traceback() != null && problem.traceback().size() > 1) {
            out.println("  traceback (your code only):");
            problem.traceback().forEach(frame -> out.println("    " + frame.file() + ", line " + frame.line()
                    + ", in " + frame.function() + (frame.source().isBlank() ? "" : ": " + frame.source().strip())));
        }
    }

    private static String label(CheckResult check) {
        return switch (check.status()) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
            case TIMEOUT -> "TIMEOUT";
            case MEMORY -> "MEMORY";
            case SKIPPED -> "SKIP";
            case NOT_RUN -> "NOT RUN";
            case INTERNAL_ERROR -> "INTERNAL";
        };
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
