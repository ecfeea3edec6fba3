package dev.pygrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The worker JVMs a test started: this JVM's live child processes. */
public final class WorkerProcesses {
    private static final long PATIENCE_NANOS = 10_000_000_000L;

    private WorkerProcesses() {
    }

    /** The pids of this JVM's live child processes. */
    public static Set<Long> live() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** Waits (10 s at most) for these processes to end: a stopped process takes a moment to go. */
    public static void awaitGone(Set<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (ProcessHandle.current().children().anyMatch(p -> p.isAlive() && pids.contains(p.pid()))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Fails, naming their command lines, if child processes still run 10 s from now. */
    public static void assertNoneOutlive() throws InterruptedException {
        awaitGone(live());
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(child -> child.info().commandLine().orElse("?")).toList(), "stray worker processes");
    }
}
