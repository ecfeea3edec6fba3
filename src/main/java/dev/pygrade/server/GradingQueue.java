package dev.pygrade.server;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.submission.Submission;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backpressure in front of the one grading path: at most {@code slots} gradings run at once
 * and at most {@code waiting} more wait for a slot; beyond that a submission is refused at
 * once with a retry hint instead of piling up. A submission that waited longer than
 * {@code queueTimeout} is not graded, and no caller waits longer than the queue time plus
 * its grading's limits plus a margin.
 */
final class GradingQueue {
    /** Beyond its limits, a grading's answer may take this long (reporting, a worker's reply). */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(20);

    private final Grading grading;
    private final int slots;
    private final int capacity;
    private final Duration queueTimeout;
    private final ServerMetrics metrics;
    private final ExecutorService runners;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closing;
    /** A moving average of how long a grading takes once it has a slot (queue wait excluded). */
    private double recentGradingSeconds = 2.0;

    GradingQueue(Grading grading, int slots, int waiting, Duration queueTimeout, ServerMetrics metrics) {
        if (slots < 1 || waiting < 0) {
            throw new IllegalArgumentException("a grading queue needs at least one slot");
        }
        this.grading = grading;
        this.slots = slots;
        this.capacity = slots + waiting;
        this.queueTimeout = queueTimeout;
        this.metrics = metrics;
        AtomicInteger names = new AtomicInteger();
        // Platform threads: a grading may run GraalPy in this JVM (--in-process).
        this.runners = Executors.newFixedThreadPool(slots, task -> {
            Thread thread = new Thread(task, "pygrade-grading-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    GradingOutcome grade(Exercise exercise, Submission submission, Limits limits) {
        if (closing) {
            metrics.refused(ServerMetrics.Refusal.SHUTTING_DOWN);
            return new GradingOutcome.ShuttingDown();
        }
        if (!admit()) {
            metrics.refused(ServerMetrics.Refusal.BUSY);
            return new GradingOutcome.Busy(retryAfterSeconds());
        }
        long admittedAt = System.nanoTime();
        Future<GradeResult> pending;
        try {
            pending = runners.submit(() -> run(exercise, submission, limits, admittedAt));
        } catch (RejectedExecutionException stopped) {
            admitted.decrementAndGet();
            metrics.refused(ServerMetrics.Refusal.SHUTTING_DOWN);
            return new GradingOutcome.ShuttingDown();
        }
        Duration patience = queueTimeout.plus(limits.totalTimeout()).plus(limits.checkTimeout()).plus(ANSWER_MARGIN);
        try {
            GradeResult result = pending.get(patience.toNanos(), TimeUnit.NANOSECONDS);
            if (result == null) {
                metrics.refused(ServerMetrics.Refusal.QUEUE_TIMEOUT);
                return new GradingOutcome.Busy(retryAfterSeconds());
            }
            metrics.graded(result.status(), Duration.ofNanos(System.nanoTime() - admittedAt));
            return new GradingOutcome.Graded(result);
        } catch (TimeoutException overdue) {
            // The grading goes on holding its slot until it ends; only this caller stops waiting.
            metrics.refused(ServerMetrics.Refusal.OVERDUE);
            return new GradingOutcome.Overdue(retryAfterSeconds());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            metrics.refused(ServerMetrics.Refusal.SHUTTING_DOWN);
            return new GradingOutcome.ShuttingDown();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("the grading failed: " + failed.getCause(), failed.getCause());
        }
    }

    /** Null when the submission waited past the queue timeout: it is then not graded at all. */
    private GradeResult run(Exercise exercise, Submission submission, Limits limits, long admittedAt) {
        try {
            if (System.nanoTime() - admittedAt > queueTimeout.toNanos()) {
                return null;
            }
            running.incrementAndGet();
            long started = System.nanoTime();
            try {
                return grading.grade(exercise, submission, limits);
            } finally {
                running.decrementAndGet();
                observeGrading((System.nanoTime() - started) / 1e9);
            }
        } finally {
            admitted.decrementAndGet();
        }
    }

    private boolean admit() {
        while (true) {
            int now = admitted.get();
            if (now >= capacity) {
                return false;
            }
            if (admitted.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private synchronized void observeGrading(double seconds) {
        recentGradingSeconds = 0.8 * recentGradingSeconds + 0.2 * seconds;
    }

    /** Roughly when a slot frees up: a recent grading's time for each round of waiting gradings. */
    synchronized long retryAfterSeconds() {
        double rounds = (double) Math.max(0, admitted.get() - slots) / slots + 1;
        return Math.max(1, Math.min(120, (long) Math.ceil(recentGradingSeconds * rounds)));
    }

    int queued() {
        return Math.max(0, admitted.get() - running.get());
    }

    int running() {
        return running.get();
    }

    int capacity() {
        return capacity;
    }

    boolean closing() {
        return closing;
    }

    /**
     * Refuses new submissions from now on and waits, up to {@code patience}, for those
     * admitted to be graded and answered; answers whether all of them were.
     */
    boolean drain(Duration patience) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + patience.toNanos();
        while (admitted.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        runners.shutdown();
        return admitted.get() == 0;
    }
}
