package dev.pygrade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grader;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.SubmissionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pooled context runs all its gradings on its own thread: weak-reference callbacks then run
 * as under CPython (GraalPy delivers them only to the thread that initialized the context), and
 * thread-local state does not carry from one grading to the next (each gets its own contextvars
 * context, where decimal keeps its precision).
 */
class ContextThreadTest {
    private static final SandboxEngine ENGINE = new SandboxEngine();
    private static final HeapWatchdog WATCHDOG = new HeapWatchdog(Long.MAX_VALUE);

    @TempDir
    static Path root;

    @AfterAll
    static void close() {
        WATCHDOG.close();
        ENGINE.close();
    }

    @Test
    void callbacksRunAndThreadLocalStateStaysWithItsGrading() throws Exception {
        Path folder = Files.createDirectories(root.resolve("t01-context-thread"));
        Files.writeString(folder.resolve("exercise.json"), """
                {"title": "Context thread", "level": "test", "module": "solution",
                 "limits": {"check_timeout_seconds": 10, "total_timeout_seconds": 30}}
                """);
        Files.writeString(folder.resolve("prompt.md"), "Write leave_state().\n");
        Files.writeString(folder.resolve("checks.py"), """
                import decimal
                import gc
                import weakref
                from pygrade import check, expect_equal


                class Item:
                    pass


                @check(weight=1, description="a grading starts with the default decimal context")
                def fresh_state(solution):
                    expect_equal(decimal.getcontext().prec, 28, "decimal precision at the start")
                    solution.leave_state()
                    expect_equal(decimal.getcontext().prec, 3, "decimal precision the answer set")


                @check(weight=1, description="a WeakSet drops what gc.collect() freed")
                def callbacks(solution):
                    items = weakref.WeakSet()
                    kept = [Item() for _ in range(3)]
                    for item in kept + [Item() for _ in range(4)]:
                        items.add(item)
                    del item  # the loop variable held the last one
                    gc.collect()
                    expect_equal(len(items), 3, "live items in the WeakSet")
                """);
        Files.writeString(folder.resolve("reference.py"), """
                import decimal


                def leave_state():
                    decimal.getcontext().prec = 3
                """);
        Exercise exercise = new ExerciseRepository(root).find("t01-context-thread").orElseThrow();
        WarmContextPool pool = new WarmContextPool(ENGINE, WATCHDOG, 500, 0);
        try {
            pool.prewarm(Grader.policyFor(exercise, exercise.limits()));
            Grader grader = new Grader(pool);
            for (int round = 1; round <= 3; round++) {
                GradeResult result = grader.grade(exercise, SubmissionReader.read(exercise.reference(),
                        exercise.module()), exercise.limits());
                assertEquals(Status.PASSED, result.status(), "grading " + round + ": " + result);
                pool.settle();
            }
            PoolStats stats = pool.stats();
            assertEquals(0, stats.discarded(), "discarded: " + pool.discardReasons());
            assertTrue(stats.reused() >= 2, "the gradings shared one context: " + stats);
        } finally {
            pool.drain();
        }
    }
}
