package dev.pygrade.assessment;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A grading in microseconds, for the service's rules: check "returns" passes when the answer
 * holds "return", "fast" when it does not hold "sleep", and, when the exercise's checks mention
 * STRICT, check "strict" passes only when the answer holds "strict". An optional gate holds
 * every grading until it opens (a grader that does not finish), ignoring interrupts as a
 * stuck grading would.
 */
final class FakeGrading implements Grading {
    private final CountDownLatch gate;
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();

    FakeGrading() {
        this(new CountDownLatch(0));
    }

    FakeGrading(CountDownLatch gate) {
        this.gate = gate;
    }

    @Override
    public GradeResult grade(Exercise exercise, Submission submission, Limits limits) {
        started.incrementAndGet();
        boolean opened = false;
        while (!opened) {
            try {
                gate.await();
                opened = true;
            } catch (InterruptedException ignored) {
                // a stuck grading does not stop for an interrupt
            }
        }
        String code = String.join("\n", submission.files().values().stream().map(Submission.SourceFile::text).toList());
        List<CheckResult> checks = new ArrayList<>();
        checks.add(check("returns", code.contains("return"), 2, "expected a return statement"));
        checks.add(check("fast", !code.contains("sleep"), 1, "took too long"));
        if (exercise.checksSource().contains("STRICT")) {
            checks.add(check("strict", code.contains("strict"), 1, "not strict enough"));
        }
        double score = checks.stream().mapToDouble(CheckResult::score).sum();
        double max = checks.stream().mapToDouble(CheckResult::maxScore).sum();
        finished.incrementAndGet();
        return new GradeResult(exercise.id(), submission.label(), score == max ? Status.PASSED : Status.FAILED, score,
                max, 3, null, checks);
    }

    private static CheckResult check(String name, boolean passed, double weight, String why) {
        return new CheckResult(name, "the " + name + " check", passed ? CheckStatus.PASSED : CheckStatus.FAILED,
                passed ? weight : 0, weight, passed ? "" : why, passed ? "" : "printed by " + name);
    }
}
