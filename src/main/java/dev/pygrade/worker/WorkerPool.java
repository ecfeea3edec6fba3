package dev.pygrade.worker;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grader;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Problem;
import dev.pygrade.grading.Status;
import dev.pygrade.sandbox.CheckSpec;
import dev.pygrade.sandbox.PoolStats;
import dev.pygrade.submission.Submission;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gradings in worker JVMs, each with a heap of its own: a memory bomb, a crash or a
 * computation that ignores cancellation ends one worker and costs only its own grading;
 * the supervisor reports it and starts another worker for the next.
 */
public final class WorkerPool implements Grading, AutoCloseable {
    /** A new worker JVM pays for its first GraalPy context (seconds; minutes on a loaded machine). */
    private static final Duration STARTUP_ALLOWANCE = Duration.ofSeconds(300);
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);
    private static final int SIGKILL_EXIT = 137;

    private final WorkerCommand command;
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<WorkerProcess> idle = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    /** The last counters each live worker reported, and the sum of those of workers gone. */
    private final Map<WorkerProcess, PoolStats> livePools = new ConcurrentHashMap<>();
    private final AtomicReference<PoolStats> retiredPools = new AtomicReference<>(PoolStats.NONE);
    /** Guards {@code idle} against a worker added after close() emptied it (it would outlive the pool). */
    private final Object lifecycle = new Object();
    private boolean closed;

    public WorkerPool(int workers, long heapBytesPerWorker, Path home) {
        this(workers, heapBytesPerWorker, home, dev.pygrade.sandbox.Isolation.POOLED);
    }

    public WorkerPool(int workers, long heapBytesPerWorker, Path home, dev.pygrade.sandbox.Isolation isolation) {
        this(workers, heapBytesPerWorker, home, isolation, WorkerRuntime.INTERPRETED);
    }

    public WorkerPool(int workers, long heapBytesPerWorker, Path home, dev.pygrade.sandbox.Isolation isolation,
            WorkerRuntime runtime) {
        this.command = new WorkerCommand(heapBytesPerWorker, home, isolation, runtime);
        this.slots = new Semaphore(workers);
    }

    /** Workers that were replaced after a crash, a kill or a stranded thread. */
    public long replaced() {
        return replaced.get();
    }

    /**
     * The context pools of all workers together, as last reported with their results: contexts
     * idle and leased in live workers, and created, reused and discarded in all, gone ones included.
     */
    public PoolStats poolStats() {
        PoolStats total = retiredPools.get();
        for (PoolStats pool : livePools.values()) {
            total = add(total, pool, true);
        }
        return total;
    }

    private static PoolStats add(PoolStats a, PoolStats b, boolean live) {
        return new PoolStats(a.idle() + (live ? b.idle() : 0), a.leased() + (live ? b.leased() : 0),
                a.created() + b.created(), a.reused() + b.reused(), a.discarded() + b.discarded());
    }

    @Override
    public GradeResult grade(Exercise exercise, Submission submission, Limits limits) {
        slots.acquireUninterruptibly();
        try {
            return gradeOnWorker(exercise, submission, limits);
        } finally {
            slots.release();
        }
    }

    private GradeResult gradeOnWorker(Exercise exercise, Submission submission, Limits limits) {
        long started = System.nanoTime();
        WorkerProcess worker = idle.poll();
        try {
            if (worker == null || !worker.alive()) {
                worker = WorkerProcess.start(command);
            }
        } catch (IOException unstartable) {
            return failed(exercise, submission, started, List.of(), Status.INTERNAL_ERROR, Problem.Kind.INTERNAL,
                    "could not start a worker process: " + unstartable.getMessage());
        }
        // Until the worker has loaded the checks, the time is the grader's (starting GraalPy);
        // from then on the submission's limits apply, with a margin for the worker to answer.
        long deadline = System.nanoTime() + STARTUP_ALLOWANCE.toNanos();
        Duration allowance = limits.totalTimeout().plus(limits.checkTimeout()).plus(ANSWER_MARGIN);
        GradingJob job = GradingJob.of(ids.incrementAndGet(), exercise.directory().getParent().toString(),
                exercise.id(), submission, limits);
        List<CheckSpec> checks = new ArrayList<>();
        try {
            worker.send(job);
            while (true) {
                Optional<WorkerMessage> message = worker.next(Duration.ofNanos(deadline - System.nanoTime()));
                if (message.isEmpty()) {
                    return lost(worker, exercise, submission, started, checks, System.nanoTime() >= deadline);
                }
                WorkerMessage answer = message.get();
                if (answer.id() != job.id()) {
                    continue;
                }
                if (answer.checks() != null) {
                    answer.checks().forEach(check -> checks.add(check.spec()));
                    deadline = System.nanoTime() + allowance.toNanos();
                }
                if (answer.result() != null) {
                    if (answer.pool() != null) {
                        livePools.put(worker, answer.pool());
                    }
                    if (Boolean.TRUE.equals(answer.retiring())) {
                        retire(worker);
                    } else {
                        offer(worker);
                    }
                    worker = null;
                    return answer.result();
                }
            }
        } catch (WorkerProcess.GarbledAnswer garbled) {
            retire(worker);
            return failed(exercise, submission, started, checks, Status.INTERNAL_ERROR, Problem.Kind.INTERNAL,
                    garbled.getMessage());
        } catch (IOException | InterruptedException broken) {
            if (broken instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return lost(worker, exercise, submission, started, checks, false);
        }
    }

    /** The worker ended or went silent before answering: report why, and replace it. */
    private GradeResult lost(WorkerProcess worker, Exercise exercise, Submission submission, long started,
            List<CheckSpec> checks, boolean late) {
        Optional<Integer> exit = late ? Optional.empty() : worker.exitCode();
        retire(worker);
        if (exit.isEmpty()) {
            return failed(exercise, submission, started, checks, Status.TIMEOUT, Problem.Kind.TIMEOUT,
                    "the grading did not finish within its time limit, and its worker was stopped");
        }
        if (exit.isPresent() && (exit.get() == WorkerCommand.OUT_OF_MEMORY_EXIT || exit.get() == SIGKILL_EXIT)) {
            return failed(exercise, submission, started, checks, Status.MEMORY, Problem.Kind.MEMORY,
                    "the submission used more memory than a grading may use");
        }
        return failed(exercise, submission, started, checks, Status.INTERNAL_ERROR, Problem.Kind.INTERNAL,
                "the grading's worker process ended unexpectedly (exit code " + exit.map(String::valueOf).orElse("?")
                        + ")");
    }

    private void retire(WorkerProcess worker) {
        PoolStats last = livePools.remove(worker);
        if (last != null) {
            retiredPools.accumulateAndGet(last, (gone, more) -> add(gone, more, false));
        }
        worker.close();
        replaced.incrementAndGet();
        startReplacement();
    }

    /**
     * Starts the worker that takes a retired one's place now, not when the next grading needs
     * it: a new worker spends seconds warming GraalPy before it reads a job, and it does that
     * while its slot is idle or while the next grading is still being queued. It is the only
     * worker the retired one's slot gets, so there are never more workers than slots.
     */
    private void startReplacement() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
        }
        try {
            offer(WorkerProcess.start(command));
        } catch (IOException unstartable) {
            // the next grading starts one itself, and reports it if that fails too
        }
    }

    /** Keeps a worker for the next grading, or stops it if the pool is closed. */
    private void offer(WorkerProcess worker) {
        synchronized (lifecycle) {
            if (!closed) {
                idle.add(worker);
                return;
            }
        }
        worker.close();
    }

    private static GradeResult failed(Exercise exercise, Submission submission, long started, List<CheckSpec> checks,
            Status status, Problem.Kind kind, String message) {
        double max = checks.stream().mapToDouble(CheckSpec::weight).sum();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new GradeResult(exercise.id(), submission.label(), status, 0, max, millis, Problem.of(kind, message),
                Grader.notRun(checks, "not run: " + message));
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
        }
        WorkerProcess worker;
        while ((worker = idle.poll()) != null) {
            worker.close();
        }
    }
}
