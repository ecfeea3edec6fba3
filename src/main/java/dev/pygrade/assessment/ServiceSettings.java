package dev.pygrade.assessment;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * How an {@link AssessmentService} runs. clock: what deadlines and windows are judged by;
 * gradingThreads and queueCapacity: its grading lane (gradings at once, and jobs that may wait
 * beyond those before new submissions wait in the database instead); lease and sweepEvery: how
 * long a grader's claim on a submission holds without renewal, and how often claims are renewed
 * and pending submissions looked for; limits: the limits a grading runs under; log: where the
 * service reports trouble (null: nowhere).
 */
public record ServiceSettings(Clock clock, int gradingThreads, int queueCapacity, Duration lease, Duration sweepEvery,
                              Function<Exercise, Limits> limits, PrintWriter log) {
    public ServiceSettings {
        new GradingLane.Settings(gradingThreads, queueCapacity, lease, sweepEvery); // checks them
    }

    /** The system clock, one grading per processor, 16 waiting per thread, 30 s leases renewed every 5 s. */
    public static ServiceSettings defaults() {
        int processors = Runtime.getRuntime().availableProcessors();
        return new ServiceSettings(Clock.systemUTC(), processors, 16 * processors, Duration.ofSeconds(30),
                Duration.ofSeconds(5), Exercise::limits, null);
    }

    public ServiceSettings withClock(Clock other) {
        return new ServiceSettings(other, gradingThreads, queueCapacity, lease, sweepEvery, limits, log);
    }

    public ServiceSettings withGrading(int threads, int capacity) {
        return new ServiceSettings(clock, threads, capacity, lease, sweepEvery, limits, log);
    }

    public ServiceSettings withLease(Duration newLease, Duration newSweepEvery) {
        return new ServiceSettings(clock, gradingThreads, queueCapacity, newLease, newSweepEvery, limits, log);
    }

    public ServiceSettings withLimits(Function<Exercise, Limits> newLimits) {
        return new ServiceSettings(clock, gradingThreads, queueCapacity, lease, sweepEvery, newLimits, log);
    }

    public ServiceSettings withLog(PrintWriter newLog) {
        return new ServiceSettings(clock, gradingThreads, queueCapacity, lease, sweepEvery, limits, newLog);
    }

    GradingLane.Settings lane() {
        return new GradingLane.Settings(gradingThreads, queueCapacity, lease, sweepEvery);
    }
}
