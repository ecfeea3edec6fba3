package dev.pygrade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import dev.pygrade.report.CandidateResult;
import dev.pygrade.submission.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner through a fake Grading: no GraalPy. */
class BatchRunnerTest {
    @TempDir
    Path dir;

    private final Exercise exercise = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();

    /** Answers by the submission's text: "pass", "fail", "throw", "memory-once". */
    private static final class FakeService implements Grading {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final CountDownLatch overlap = new CountDownLatch(2);

        @Override
        public GradeResult grade(Exercise exercise, Submission submission, Limits limits) {
            String text = submission.files().values().iterator().next().text().strip();
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                // the first two gradings wait for each other (10 s at most): one worker at a time never overlaps
                overlap.countDown();
                overlap.await(10, TimeUnit.SECONDS);
                int call = calls.computeIfAbsent(submission.label(), k -> new AtomicInteger()).incrementAndGet();
                Status status = switch (text) {
                    case "pass" -> Status.PASSED;
                    case "throw" -> throw new IllegalStateException("worker JVM died");
                    case "memory-once" -> call == 1 ? Status.MEMORY : Status.PASSED;
                    default -> Status.FAILED;
                };
                return new GradeResult(exercise.id(), submission.label(), status, status == Status.PASSED ? 1 : 0, 1,
                        50, null, List.of());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private BatchTask task(String candidate, String text) throws IOException {
        Path file = dir.resolve("subs").resolve(candidate).resolve(exercise.id() + ".py");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return new BatchTask(candidate, exercise, file);
    }

    @Test
    void everyTaskIsRecordedOnceInParallelAndOneFailureCostsNobodyElse() throws IOException {
        List<BatchTask> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(task("c" + i, i % 2 == 0 ? "pass" : "fail"));
        }
        tasks.add(task("thrower", "throw"));
        tasks.add(task("empty", "   \n"));
        tasks.add(task("bomb-neighbour", "memory-once"));
        FakeService service = new FakeService();
        Path file = dir.resolve("out").resolve(ResultsLog.FILE);
        try (ResultsLog log = ResultsLog.append(file)) {
            assertEquals(tasks.size(), new BatchRunner(service, 3, Exercise::limits).run(tasks, log, Progress.NONE));
        }
        List<CandidateResult> lines = ResultsLog.load(file, false);
        assertEquals(tasks.size(), lines.size());
        assertEquals(tasks.size(), lines.stream().map(CandidateResult::candidate).distinct().count());
        assertTrue(service.mostAtOnce.get() > 1, "gradings ran one at a time");
        assertTrue(service.mostAtOnce.get() <= 3, "more gradings at once than workers");
        Map<String, CandidateResult> by = new ConcurrentHashMap<>();
        lines.forEach(line -> by.put(line.candidate(), line));
        assertEquals(Status.INTERNAL_ERROR, by.get("thrower").result().status());
        assertTrue(by.get("thrower").result().error().message().contains("worker JVM died"));
        assertEquals(Status.ERROR, by.get("empty").result().status());
        assertEquals("submission", by.get("empty").result().error().kind().name().toLowerCase());
        assertEquals("empty/q09-lru-cache.py", by.get("empty").result().submission());
        assertEquals(Status.PASSED, by.get("bomb-neighbour").result().status(), "a memory stop is graded again alone");
        assertEquals(Status.PASSED, by.get("c0").result().status());
        assertEquals(Status.FAILED, by.get("c1").result().status());
    }
}
