package dev.pygrade.exercise;

import java.time.Duration;

/**
 * The limits of one grading: wall-clock time per step (the import, each check),
 * wall-clock time for the whole grading, captured output per step, and the heap the
 * grading may use beyond what the grader itself holds.
 */
public record Limits(Duration checkTimeout, Duration totalTimeout, int maxOutputBytes, long memoryBytes) {
    public static final long DEFAULT_MEMORY_BYTES = 512L * 1024 * 1024;
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(60), 64 * 1024,
            DEFAULT_MEMORY_BYTES);

    public Limits(Duration checkTimeout, Duration totalTimeout, int maxOutputBytes) {
        this(checkTimeout, totalTimeout, maxOutputBytes, DEFAULT_MEMORY_BYTES);
    }

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
        if (memoryBytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException("the memory limit must be at least 16 MiB");
        }
    }

    public Limits withCheckTimeout(Duration timeout) {
        return new Limits(timeout, totalTimeout.compareTo(timeout) < 0 ? timeout : totalTimeout, maxOutputBytes,
                memoryBytes);
    }

    public Limits withMaxOutputBytes(int bytes) {
        return new Limits(checkTimeout, totalTimeout, bytes, memoryBytes);
    }

    public Limits withMemoryBytes(long bytes) {
        return new Limits(checkTimeout, totalTimeout, maxOutputBytes, bytes);
    }
}
