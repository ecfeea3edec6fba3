package dev.pygrade.sandbox;

/**
 * What one grading's context may do beyond the default of nothing: start threads
 * (for exercises about concurrency), install trace or profile hooks (for the
 * profiling exercises). Output is always captured, capped at maxOutputBytes per step.
 */
public record SandboxPolicy(boolean threads, boolean tracing, int maxOutputBytes) {
    public SandboxPolicy {
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be positive");
        }
    }
}
