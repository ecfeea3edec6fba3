package dev.pygrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.validation.ExerciseValidator;
import dev.pygrade.validation.FixtureExpectation;
import dev.pygrade.validation.FixtureSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A memory bomb is stopped as one in a worker JVM whose heap already holds warm contexts of
 * many kinds, as a server's workers do after a while: the hoard must be seen wherever the
 * collector keeps it (a young generation too), not only once it reached the old one.
 */
class WorkerMemoryIT {
    private static final Path HOSTILE = TestSandbox.fixtures().resolve("hostile");

    @Test
    void memoryBombsAreStoppedAsSuchInAWorkerFullOfWarmContexts() throws Exception {
        List<FixtureExpectation> bombs = FixtureSet.load(HOSTILE).expectations().stream()
                .filter(e -> e.submission().startsWith("memory_bomb")).toList();
        assertTrue(bombs.size() >= 2, "the hostile fixtures hold the memory bombs: " + bombs);
        try (WorkerPool workers = new WorkerPool(1, 1024L * 1024 * 1024, TestSandbox.home())) {
            ExerciseValidator validator = new ExerciseValidator(workers, TestSandbox.fixtures());
            for (String id : List.of("q06-asyncio-gather", "q24-logging-setup", "q25-unittest-testmath",
                    "q29-json", "q35-json-queue-logging", "q36-asyncio-echo", "q39-sql-injection-xss",
                    "q09-lru-cache")) {
                Exercise exercise = TestSandbox.exercises().find(id).orElseThrow();
                assertTrue(validator.gradeReference(exercise).matches(), id);
            }
            for (int round = 0; round < 2; round++) {
                for (FixtureExpectation bomb : bombs) {
                    Exercise exercise = TestSandbox.exercises().find(bomb.setup().exercise()).orElseThrow();
                    ExerciseValidator.Case graded = validator.grade(exercise, HOSTILE.resolve(bomb.submission()), bomb);
                    assertTrue(graded.matches(), bomb.submission() + ": " + graded.mismatch());
                }
            }
            assertEquals(0, workers.replaced(), "the watchdog stopped every bomb before the worker's heap ran out");
        }
        WorkerProcesses.assertNoneOutlive();
    }
}
