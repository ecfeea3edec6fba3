package dev.pygrade.batch;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Problem;
import dev.pygrade.grading.Status;
import dev.pygrade.report.CandidateResult;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionException;
import dev.pygrade.submission.SubmissionReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Grades tasks on N worker threads, each taking the next task, grading it through the
 * {@link Grading} and recording the result at once. One answer's trouble costs nobody
 * else's result: an unreadable submission is an error record ({@code error.kind} "submission"),
 * a grading that throws is an internal-error record.
 *
 * <p>The in-process heap watchdog cannot tell which context exhausted the heap and stops every
 * running grading with "memory"; so a "memory" result from a parallel run is graded again alone
 * (the other workers wait), and that solo result is the one recorded.
 */
public final class BatchRunner {
    private final Grading service;
    private final int workers;
    private final Function<Exercise, Limits> limits;
    private final ReadWriteLock solo = new ReentrantReadWriteLock(true);

    public BatchRunner(Grading service, int workers, Function<Exercise, Limits> limits) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        this.service = service;
        this.workers = workers;
        this.limits = limits;
    }

    /** Grades every task once; answers how many were recorded. A failure to record stops the batch. */
    public int run(List<BatchTask> tasks, ResultsLog log, Progress progress) {
        progress.started(tasks.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        int count = Math.min(workers, Math.max(1, tasks.size()));
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofPlatform().name("pygrade-batch-" + (i + 1)).start(() -> {
                int index;
                while (failure.get() == null && (index = next.getAndIncrement()) < tasks.size()) {
                    BatchTask task = tasks.get(index);
                    try {
                        CandidateResult result = new CandidateResult(task.candidate(), grade(task));
                        log.write(result);
                        recorded.incrementAndGet();
                        progress.graded(result);
                    } catch (RuntimeException cannotRecord) {
                        failure.compareAndSet(null, cannotRecord);
                    } catch (Error fatal) { // out of memory, say: stop, and let --resume redo what is missing
                        failure.compareAndSet(null, new IllegalStateException("a worker failed: " + fatal, fatal));
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("interrupted"));
            }
        }
        progress.finished();
        if (failure.get() != null) {
            throw failure.get();
        }
        return recorded.get();
    }

    /** One task's result, whatever happens. */
    GradeResult grade(BatchTask task) {
        Exercise exercise = task.exercise();
        Submission submission;
        try {
            Submission read = SubmissionReader.read(task.path(), exercise.module());
            submission = new Submission(task.label(), read.files());
        } catch (SubmissionException unreadable) {
            return unreadable(task, unreadable);
        }
        Limits applied = limits.apply(exercise);
        GradeResult result = graded(exercise, submission, applied, false);
        if (result.status() == Status.MEMORY && workers > 1) {
            result = graded(exercise, submission, applied, true);
        }
        return result;
    }

    private GradeResult graded(Exercise exercise, Submission submission, Limits applied, boolean alone) {
        var lock = alone ? solo.writeLock() : solo.readLock();
        lock.lock();
        long started = System.nanoTime();
        try {
            return service.grade(exercise, submission, applied);
        } catch (RuntimeException failed) {
            return new GradeResult(exercise.id(), submission.label(), Status.INTERNAL_ERROR, 0, 0,
                    (System.nanoTime() - started) / 1_000_000,
                    Problem.of(Problem.Kind.INTERNAL, "the grader failed: " + failed), List.of());
        } finally {
            lock.unlock();
        }
    }

    /** The reader's complaint, its location shown relative to the submissions folder. */
    static GradeResult unreadable(BatchTask task, SubmissionException why) {
        String base = task.path().getParent().toString();
        String location = why.location();
        String file = location.startsWith(base) ? task.candidate() + location.substring(base.length())
                : task.label();
        Problem problem = new Problem(Problem.Kind.SUBMISSION, why.getMessage(), file.replace('\\', '/'), null, null,
                null, null);
        return new GradeResult(task.exercise().id(), task.label(), Status.ERROR, 0, 0, 0, problem, List.of());
    }
}
