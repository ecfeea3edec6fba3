package dev.pygrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.SubmissionReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gradings in worker JVMs: what would end or poison the grader's own JVM (a memory bomb, a
 * computation that ignores cancellation) ends only a worker, and the next grading still gets
 * its correct result.
 */
class WorkerPoolTest {
    private static final Path HOSTILE = TestSandbox.fixtures().resolve("hostile");
    private static WorkerPool pool;
    private static Exercise exercise;

    @BeforeAll
    static void startPool() {
        pool = new WorkerPool(1, 768L * 1024 * 1024, TestSandbox.home());
        exercise = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private static GradeResult grade(Path file) throws Exception {
        return pool.grade(exercise, SubmissionReader.read(file, exercise.module()),
                exercise.limits().withCheckTimeout(java.time.Duration.ofSeconds(2)));
    }

    @Test
    void hostileGradingsCostOnlyThemselves() throws Exception {
        GradeResult bomb = grade(HOSTILE.resolve("memory_bomb_import.py"));
        assertEquals(Status.MEMORY, bomb.status(), String.valueOf(bomb.error()));
        assertEquals(10.0, bomb.maxScore(), "every check is still reported");

        GradeResult huge = grade(HOSTILE.resolve("huge_power_import.py"));
        assertEquals(Status.TIMEOUT, huge.status(), String.valueOf(huge.error()));

        GradeResult correct = grade(exercise.reference());
        assertEquals(Status.PASSED, correct.status(), String.valueOf(correct.error()));
        assertEquals(10.0, correct.score());
        assertTrue(pool.replaced() >= 1, "the worker left with a stranded thread is replaced");
    }
}
