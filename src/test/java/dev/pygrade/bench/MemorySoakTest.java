package dev.pygrade.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.batch.Progress;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memory soak's bookkeeping, with made-up gradings (no GraalPy): it must see a leak when there is one. */
class MemorySoakTest {
    private static final Exercise Q09 = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
    private static final List<BenchPlan.Item> PLAN = BenchPlan.build(List.of(Q09), TestSandbox.fixtures(), 3);

    @Test
    void checkpointsAreHundredThenEveryThousandThenTheTotal() {
        assertEquals(List.of(100, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000),
                MemorySoak.checkpoints(10000));
        assertEquals(List.of(100, 1000, 2000, 2500), MemorySoak.checkpoints(2500));
        assertEquals(10, MemorySoak.checkpoints(100_000).size() - 1);
        assertEquals(List.of(100, 250), MemorySoak.checkpoints(250));
        assertEquals(List.of(7), MemorySoak.checkpoints(7));
    }

    @Test
    void gradesRoundRobinSettlingBeforeEverySample() {
        AtomicInteger gradings = new AtomicInteger();
        AtomicInteger settled = new AtomicInteger();
        Grading counting = (exercise, submission, limits) -> {
            gradings.incrementAndGet();
            return new GradeResult(exercise.id(), submission.label(), Status.PASSED, 1, 1, 1, null, List.of());
        };
        MemorySoak.Result result = new MemorySoak(PLAN, 2, settled::incrementAndGet).run(counting, 250, Progress.NONE);
        assertEquals(250, gradings.get());
        assertEquals(2, settled.get(), "once before each of the two samples");
        assertEquals(List.of(100, 250), result.samples().stream().map(MemorySoak.Sample::gradings).toList());
        assertEquals(0, result.internalErrors());
    }

    @Test
    void aGradingThatKeepsMemorySharesTheLeak() {
        List<byte[]> kept = Collections.synchronizedList(new ArrayList<>());
        Grading leaking = (exercise, submission, limits) -> {
            kept.add(new byte[1024 * 1024]);
            return new GradeResult(exercise.id(), submission.label(), Status.INTERNAL_ERROR, 0, 1, 1, null, List.of());
        };
        MemorySoak.Result result = new MemorySoak(PLAN, 1, () -> { }).run(leaking, 300, Progress.NONE);
        long grown = result.samples().get(1).heapBytes() - result.samples().get(0).heapBytes();
        // 200 MB more; other tests' GraalPy contexts in this JVM may come and go by tens of MB
        assertTrue(grown > 120L * 1024 * 1024, "200 gradings kept 200 MB more, the soak saw " + grown + " bytes");
        assertEquals(300, result.internalErrors());
        assertEquals(300, kept.size());
    }
}
