package dev.pygrade.assessment;

import dev.pygrade.store.ResultRecord;
import dev.pygrade.store.SubmissionRecord;
import dev.pygrade.store.SubmissionTable;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's own grading queue: a few threads and room for a bounded number of jobs. A
 * submission is offered by its id once it is stored; when the lane is full it stays pending in
 * the database, and the sweep takes it later, so backpressure never loses one. Before grading,
 * a thread claims the submission with a lease in the database; the sweep renews this lane's
 * leases (a heartbeat), and records a result only under a lease still held. A lane that dies
 * stops renewing: its leases run out and any lane on the same database (this process after a
 * restart, or another instance) grades those submissions again. The sweep also looks for
 * pending submissions nobody holds: that is the recovery at start.
 */
final class GradingLane implements AutoCloseable {
    private final SubmissionTable submissions;
    private final SubmissionGrading grading;
    private final Settings settings;
    private final PrintWriter log;
    private final Clock clock = Clock.systemUTC();
    private final String owner = "pygrade-" + UUID.randomUUID();
    private final ExecutorService threads;
    private final Semaphore room;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;
    private volatile boolean abandoned;

    /**
     * threads: gradings at once; capacity: jobs waiting beyond those; lease: how long a claim
     * holds without renewal; sweepEvery: how often leases are renewed and pending submissions looked for.
     */
    record Settings(int threads, int capacity, Duration lease, Duration sweepEvery) {
        Settings {
            if (threads < 1 || capacity < 0) {
                throw new IllegalArgumentException("a grading lane needs at least one thread");
            }
            if (sweepEvery.multipliedBy(3).compareTo(lease) > 0) {
                throw new IllegalArgumentException("the lease must outlast three sweeps, or a live grader loses it");
            }
        }
    }

    GradingLane(SubmissionTable submissions, SubmissionGrading grading, Settings settings, PrintWriter log) {
        this.submissions = submissions;
        this.grading = grading;
        this.settings = settings;
        this.log = log;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "pygrade-assessment-grading-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.room = new Semaphore(settings.threads() + settings.capacity());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pygrade-assessment-sweep");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sweeps now (the recovery of what a previous run left pending) and then every sweepEvery. */
    void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, 0, settings.sweepEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues a stored, pending submission for grading; false when the lane is full (the sweep takes it later). */
    boolean offer(long submissionId) {
        if (closed || !queued.add(submissionId)) {
            return false;
        }
        if (!room.tryAcquire()) {
            queued.remove(submissionId);
            return false;
        }
        try {
            threads.execute(() -> {
                try {
                    gradePending(submissionId);
                } catch (RuntimeException failed) {
                    // the database went away mid-grading: the submission stays pending, its lease runs out,
                    // and a later sweep grades it again
                    log("submission " + submissionId + " stays pending: " + failed);
                } finally {
                    queued.remove(submissionId);
                    room.release();
                }
            });
            return true;
        } catch (RuntimeException rejected) {
            queued.remove(submissionId);
            room.release();
            return false;
        }
    }

    /** Grades a graded submission again (waiting for room in the lane); the future holds the new result. */
    CompletableFuture<ResultRecord> regrade(SubmissionRecord stored) {
        CompletableFuture<ResultRecord> done = new CompletableFuture<>();
        try {
            room.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(interrupted);
            return done;
        }
        try {
            threads.execute(() -> {
                try {
                    SubmissionGrading.Graded graded = grading.grade(stored);
                    done.complete(submissions.recordRegrade(stored.id(), graded.result(), graded.receipt(),
                            clock.instant()));
                } catch (RuntimeException failed) {
                    done.completeExceptionally(failed);
                } finally {
                    room.release();
                }
            });
        } catch (RuntimeException rejected) {
            room.release();
            done.completeExceptionally(rejected);
        }
        return done;
    }

    private void gradePending(long submissionId) {
        Instant now = clock.instant();
        if (closed || !submissions.claim(submissionId, owner, now.plus(settings.lease()), now)) {
            return; // graded already, or another grader holds it
        }
        Optional<SubmissionRecord> stored = submissions.find(submissionId);
        if (stored.isEmpty()) {
            return;
        }
        SubmissionGrading.Graded graded = grading.grade(stored.get());
        if (abandoned) {
            return; // a killed process records nothing
        }
        if (!submissions.recordGraded(submissionId, owner, graded.result(), graded.receipt(), clock.instant())) {
            log("submission " + submissionId + ": its lease ran out while it was graded, and another grader took it; "
                    + "this result is dropped");
        }
    }

    private void sweep() {
        try {
            Instant now = clock.instant();
            submissions.renew(owner, now.plus(settings.lease()));
            for (long id : submissions.claimable(now, settings.capacity() + settings.threads())) {
                if (!queued.contains(id) && !offer(id)) {
                    break;
                }
            }
        } catch (RuntimeException failed) {
            // The database may be away for a moment: the next sweep tries again.
            log("the sweep for pending submissions failed, will retry: " + failed.getMessage());
        }
    }

    private void log(String message) {
        if (log != null) {
            log.println("pygrade: " + message);
            log.flush();
        }
    }

    /**
     * Stops taking work, lets the gradings under way finish for up to {@code grace}, and gives
     * back the leases of what is left so that the next start (or another instance) grades it at once.
     */
    void close(Duration grace) {
        closed = true;
        sweeper.shutdownNow();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            submissions.releaseAll(owner);
        } catch (RuntimeException unreachable) {
            log("could not give back the leases of unfinished gradings (they run out by themselves): "
                    + unreachable.getMessage());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /**
     * Stops this lane as a killed process would stop: no more sweeps or heartbeats, nothing
     * released, nothing recorded by the gradings under way. For the recovery tests.
     */
    void abandon() {
        abandoned = true;
        closed = true;
        sweeper.shutdownNow();
        threads.shutdownNow();
    }
}
