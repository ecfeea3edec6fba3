package dev.pygrade.sandbox;

import java.util.List;
import java.util.TreeSet;

/**
 * What one grading's context may do beyond the default of nothing: start threads
 * (concurrency exercises), install trace or profile hooks (profiling exercises), run
 * asyncio on the virtual-time loop, use an in-memory file system. Output is always
 * captured, capped at maxOutputBytes per step; the heap watchdog cancels the grading when
 * it holds more than memoryBytes. warm: the modules its gradings are expected to import (the
 * exercise's checks and reference), which a pooled context for them imports before its baseline.
 */
public record SandboxPolicy(boolean threads, boolean tracing, boolean asyncio, boolean files, int maxOutputBytes,
        long memoryBytes, List<String> warm) {
    public SandboxPolicy {
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be positive");
        }
        warm = List.copyOf(new TreeSet<>(warm));
    }
}
