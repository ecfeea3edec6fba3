package dev.pygrade.cli;

import dev.pygrade.exercise.Limits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Per-command overrides of an exercise's limits. */
final class LimitOptions {
    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Time limit per check, and for the import, in seconds (default: the exercise's).")
    Double timeoutSeconds;

    @Option(names = "--max-output", paramLabel = "BYTES",
            description = "Output kept per check, in bytes (default: the exercise's, normally 65536).")
    Integer maxOutputBytes;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Heap a grading may use, e.g. 256m or 1g (default: the exercise's, normally 512m).")
    String memory;

    /**
     * The heap of a worker JVM: {@code explicit} (--worker-heap) when given, else what a grading
     * may use under these limits plus 512m for GraalPy itself.
     */
    long workerHeapBytes(String explicit) {
        if (explicit != null) {
            return MemorySize.parse(explicit, "--worker-heap");
        }
        return apply(Limits.DEFAULT).memoryBytes() + 512L * 1024 * 1024;
    }

    Limits apply(Limits limits) {
        Limits result = limits;
        if (memory != null) {
            result = result.withMemoryBytes(MemorySize.parse(memory, "--memory"));
        }
        if (timeoutSeconds != null) {
            if (timeoutSeconds <= 0) {
                throw new UserError("--timeout must be a positive number of seconds");
            }
            result = result.withCheckTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        if (maxOutputBytes != null) {
            if (maxOutputBytes < 1) {
                throw new UserError("--max-output must be a positive number of bytes");
            }
            result = result.withMaxOutputBytes(maxOutputBytes);
        }
        return result;
    }
}
