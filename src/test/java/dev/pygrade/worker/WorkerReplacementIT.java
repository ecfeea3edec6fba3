package dev.pygrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.validation.ExerciseValidator;
import dev.pygrade.validation.FixtureExpectation;
import dev.pygrade.validation.FixtureSet;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A worker that a submission ended is replaced at once, not when the next grading needs one:
 * the next grading on that slot then finds a worker that has been warming GraalPy meanwhile.
 */
class WorkerReplacementIT {
    private static final Path HOSTILE = TestSandbox.fixtures().resolve("hostile");

    @Test
    void theWorkerASubmissionEndedIsReplacedBeforeItsResultIsGivenAndTheNextGradingUsesIt() throws Exception {
        Exercise lru = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
        // One multiplication that never reaches a safepoint: only stopping its worker ends it.
        FixtureExpectation stuck = FixtureSet.load(HOSTILE).expectations().stream()
                .filter(e -> e.submission().equals("huge_power_import.py")).findFirst().orElseThrow();
        try (WorkerPool workers = new WorkerPool(1, 1024L * 1024 * 1024, TestSandbox.home())) {
            ExerciseValidator validator = new ExerciseValidator(workers, TestSandbox.fixtures());
            assertTrue(validator.gradeReference(lru).matches());
            Set<Long> first = WorkerProcesses.live();
            assertEquals(1, first.size(), "one slot, one worker: " + first);

            ExerciseValidator.Case ended = validator.grade(lru, HOSTILE.resolve(stuck.submission()), stuck);
            assertTrue(ended.matches(), ended.mismatch());
            assertEquals(1, workers.replaced());
            Set<Long> replacement = WorkerProcesses.live();
            replacement.removeAll(first);
            assertEquals(1, replacement.size(), "the replacement runs as the result is given: " + WorkerProcesses.live());

            assertTrue(validator.gradeReference(lru).matches());
            WorkerProcesses.awaitGone(first);
            assertEquals(replacement, WorkerProcesses.live(), "the next grading ran in the replacement, and no other started");
        }
        WorkerProcesses.assertNoneOutlive(); // closing the pool stops its workers
    }
}
