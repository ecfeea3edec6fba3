package dev.pygrade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grader;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool's size under steady load: two workers grading back to back always find their own
 * contexts still being verified when they lease again. The pool must wait for those rather than
 * build a new context each time (it once grew by a context every few gradings, 79 contexts and
 * a full heap after 600 gradings).
 */
class WarmContextPoolIT {
    @Test
    void twoWorkersGradingBackToBackReuseAHandfulOfContexts() throws Exception {
        Exercise exercise = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
        Submission reference = SubmissionReader.read(exercise.reference(), exercise.module());
        try (HeapWatchdog watchdog = new HeapWatchdog(Long.MAX_VALUE)) {
            WarmContextPool pool = new WarmContextPool(new SandboxEngine(), watchdog, 500, 1);
            try {
                Grader grader = new Grader(pool);
                pool.prewarm(Grader.policyFor(exercise, exercise.limits()));
                AtomicInteger passed = new AtomicInteger();
                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    workers.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; i < 30; i++) {
                            GradeResult result = grader.grade(exercise, reference, exercise.limits());
                            if (result.status() == Status.PASSED) {
                                passed.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Thread worker : workers) {
                    worker.join();
                }
                pool.settle();
                PoolStats stats = pool.stats();
                assertEquals(60, passed.get());
                // two leased at once and one spare: a few contexts, not one per grading that found none idle
                assertTrue(stats.created() <= 4, "60 gradings built " + stats.created() + " contexts: " + stats
                        + " " + pool.discardReasons());
                // spares + the most leased at once, and a spare whose warming ended after those came back
                assertTrue(stats.idle() <= 4, "idle contexts kept: " + stats);
            } finally {
                pool.close();
            }
        }
    }
}
