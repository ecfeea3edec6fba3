package dev.pygrade.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.validation.ExerciseValidator;
import dev.pygrade.validation.FixtureExpectation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answers whose verdict depends on weak-reference callbacks, graded in a worker JVM as batch and
 * serve grade them, each twice (a fresh context, then a reused one): they get their recorded
 * results. GraalPy runs those callbacks only on the thread that initialized a context; when
 * gradings ran on other threads, a WeakSet kept its dead entries after gc.collect() in a worker
 * and a correct tracker's neighbours lost marks there and nowhere else.
 */
class WorkerFixturesIT {
    private static final List<String> WEAKREF_ANSWERS = List.of("wrong_prompt_weakset.py", "alt_prompt_textbook.py",
            "alt_weak_value_dict.py", "wrong_prompt_no_gc_collect.py");

    @Test
    void weakReferenceCallbacksRunInWorkerJvmsAsUnderCPython() throws Exception {
        Exercise tracker = TestSandbox.exercises().find("q11-leak-tracker").orElseThrow();
        try (WorkerPool workers = new WorkerPool(1, 1024L * 1024 * 1024, TestSandbox.home())) {
            ExerciseValidator validator = new ExerciseValidator(workers, TestSandbox.fixtures());
            List<FixtureExpectation> chosen = validator.fixtures(tracker).expectations().stream()
                    .filter(e -> WEAKREF_ANSWERS.contains(e.submission())).toList();
            assertTrue(chosen.size() == WEAKREF_ANSWERS.size(), "fixtures found: " + chosen);
            for (int round = 1; round <= 2; round++) {
                for (FixtureExpectation expectation : chosen) {
                    var graded = validator.gradeFixture(tracker, expectation);
                    assertTrue(graded.matches(), "round " + round + ", " + expectation.submission() + ": "
                            + graded.mismatch());
                }
            }
        }
    }
}
