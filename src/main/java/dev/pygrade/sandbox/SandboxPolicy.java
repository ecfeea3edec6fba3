package dev.pygrade.sandbox;

/**
 * What one grading's context may do beyond the default of nothing: start threads
 * (concurrency exercises), install trace or profile hooks (profiling exercises), run
 * asyncio on the virtual-time loop, use an in-memory file system. Output is always
 * captured, capped at maxOutputBytes per step; the heap watchdog cancels the grading when
 * it holds more than memoryBytes.
 */
public record SandboxPolicy(boolean threads, boolean tracing, boolean asyncio, boolean files, int maxOutputBytes,
        long memoryBytes) {
    public SandboxPolicy {
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be positive");
        }
    }
}
