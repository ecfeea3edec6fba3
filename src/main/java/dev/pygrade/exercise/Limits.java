package dev.pygrade.exercise;

import java.time.Duration;

/**
 * The limits of one grading: wall-clock time per step (the import, each check),
 * wall-clock time for the whole grading, and captured output per step.
 */
public record Limits(Duration checkTimeout, Duration totalTimeout, int maxOutputBytes) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(60), 64 * 1024);

    public Limits {
        if (checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("the time limit per check must be positive");
        }
        if (totalTimeout.compareTo(checkTimeout) < 0) {
            throw new IllegalArgumentException("the total time limit must be at least the limit per check");
        }
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("the output limit must be positive");
        }
    }

    public Limits withCheckTimeout(Duration timeout) {
        return new Limits(timeout, totalTimeout.compareTo(timeout) < 0 ? timeout : totalTimeout, maxOutputBytes);
    }

    public Limits withMaxOutputBytes(int bytes) {
        return new Limits(checkTimeout, totalTimeout, bytes);
    }
}
