package dev.pygrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pygrade.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The worker JVMs a test started: this JVM's live child processes. */
public final class WorkerProcesses {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private WorkerProcesses() {
    }

    /** The pids of this JVM's live child processes. */
    public static Set<Long> live() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** Waits (10 s at most) for these processes to end: a stopped process takes a moment to go. */
    public static void awaitGone(Set<Long> pids) throws Exception {
        Poll.until(PATIENCE, () -> ProcessHandle.current().children()
                .noneMatch(p -> p.isAlive() && pids.contains(p.pid())));
    }

    /** Fails, naming their command lines, if child processes still run 10 s from now. */
    public static void assertNoneOutlive() throws Exception {
        awaitGone(live());
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(child -> child.info().commandLine().orElse("?")).toList(), "stray worker processes");
    }
}
