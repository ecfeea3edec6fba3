package dev.pygrade.bench;

import dev.pygrade.batch.Progress;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import dev.pygrade.report.CandidateResult;
import dev.pygrade.sandbox.FullCollection;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionException;
import dev.pygrade.submission.SubmissionReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grades the bench plan over and over through one grading path and records the heap at
 * checkpoints (100 gradings, then every 1,000, ..., the total): the heap still in use after a full
 * collection, once every grading so far has ended and the pool has verified (or closed) its
 * contexts. Flat figures mean neither gradings nor closed contexts leave anything behind.
 */
public final class MemorySoak {
    /** The live heap once {@code gradings} gradings had ended. */
    public record Sample(int gradings, long heapBytes) {
    }

    public record Result(List<Sample> samples, long wallMs, int internalErrors) {
    }

    private final List<BenchPlan.Item> plan;
    /** Each item's submission, read once: the soak measures grading, not reading files. */
    private final List<Submission> submissions;
    private final int workers;
    /** Lets the grading path finish its background work (the pool's verification) before a sample. */
    private final Runnable settle;

    public MemorySoak(List<BenchPlan.Item> plan, int workers, Runnable settle) {
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("nothing to grade");
        }
        this.plan = List.copyOf(plan);
        this.submissions = plan.stream().map(MemorySoak::read).toList();
        this.workers = workers;
        this.settle = settle;
    }

    /**
     * 100, then every 1,000 (every tenth of the total beyond 10,000) below {@code total}, then
     * {@code total} itself: enough points to tell a steady growth from where the pool's contexts
     * happen to be in their lives.
     */
    public static List<Integer> checkpoints(int total) {
        List<Integer> points = new ArrayList<>();
        if (100 < total) {
            points.add(100);
        }
        long step = 1000L * Math.max(1, total / 10_000);
        for (long point = step; point < total; point += step) {
            points.add((int) point);
        }
        points.add(total);
        return points;
    }

    public Result run(Grading grading, int total, Progress progress) {
        List<Sample> samples = new ArrayList<>();
        AtomicLong internalErrors = new AtomicLong();
        long started = System.nanoTime();
        progress.started(total);
        int done = 0;
        for (int checkpoint : checkpoints(total)) {
            gradeRange(grading, done, checkpoint, progress, internalErrors);
            done = checkpoint;
            settle.run();
            samples.add(new Sample(done, liveHeap()));
        }
        progress.finished();
        return new Result(List.copyOf(samples), (System.nanoTime() - started) / 1_000_000,
                (int) internalErrors.get());
    }

    private void gradeRange(Grading grading, int from, int to, Progress progress, AtomicLong internalErrors) {
        IndexedWorkers.run("pygrade-soak", workers, from, to, index -> {
            BenchPlan.Item item = plan.get(index % plan.size());
            GradeResult result = grading.grade(item.exercise(), submissions.get(index % plan.size()),
                    item.exercise().limits());
            if (result.status() == Status.INTERNAL_ERROR) {
                internalErrors.incrementAndGet();
            }
            progress.graded(new CandidateResult(item.candidate(), result));
        });
    }

    private static Submission read(BenchPlan.Item item) {
        try {
            return SubmissionReader.read(item.answer().path(), item.exercise().module());
        } catch (SubmissionException unreadable) {
            throw new IllegalStateException("a bench answer cannot be read: " + unreadable.located(), unreadable);
        }
    }

    /** Heap in use after full collections (two: finalizers and weak references run in between). */
    static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            FullCollection.run();
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
