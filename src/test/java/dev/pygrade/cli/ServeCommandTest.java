package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serve and loadtest commands' options, in-process. Neither starts a server here: the
 * server itself is tested in dev.pygrade.server, and a running `serve` stops only on a signal.
 */
class ServeCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(TestSandbox.services(), args);
    }

    @Test
    void helpNamesTheOptions() {
        CliRun serve = run("serve", "--help");
        assertEquals(0, serve.code());
        for (String option : new String[] {"--host", "--port", "--workers", "--queue", "--in-process", "--cors",
                "--access-log", "SIGTERM", "--data", "--db", "/instructor"}) {
            assertTrue(serve.out().contains(option), option + " in " + serve.out());
        }
        CliRun load = run("loadtest", "--help");
        assertEquals(0, load.code());
        assertTrue(load.out().contains("--submissions") && load.out().contains("--concurrency"));
        assertTrue(run("--help").out().contains("serve"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun workers = run("serve", "--workers", "0");
        assertEquals(2, workers.code());
        assertTrue(workers.err().contains("--workers must be at least 1"), workers.err());
        CliRun port = run("serve", "--port", "70000", "--in-process");
        assertEquals(2, port.code());
        assertTrue(port.err().contains("port must be between 0 and 65535"), port.err());
        CliRun timeout = run("serve", "--timeout", "-1", "--in-process");
        assertEquals(2, timeout.code());
        CliRun load = run("loadtest", "--submissions", "0");
        assertEquals(2, load.code());
    }

    @Test
    void aPortInUseIsAUsageError(@TempDir Path data) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun serve = run("serve", "--in-process", "--port", String.valueOf(taken.getLocalPort()), "--data",
                    data.toString());
            assertEquals(2, serve.code());
            assertTrue(serve.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), serve.err());
            assertTrue(Files.exists(data.resolve("pygrade.db")), "the database is created before the server starts");
        }
    }

    @Test
    void aDatabaseThatCannotBeUsedIsAUsageError(@TempDir Path data) throws IOException {
        CliRun other = run("serve", "--in-process", "--port", "0", "--db", "jdbc:mysql://localhost/pygrade");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("--db:"), other.err());
        Path file = Files.writeString(data.resolve("not-a-folder"), "x");
        CliRun blocked = run("serve", "--in-process", "--port", "0", "--data", file.resolve("sub").toString());
        assertEquals(2, blocked.code());
        assertTrue(blocked.err().contains("cannot create the data folder"), blocked.err());
        CliRun both = run("serve", "--in-process", "--db", "jdbc:sqlite:x.db", "--data", data.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --db or --data, not both"), both.err());
    }
}
