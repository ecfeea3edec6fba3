package dev.pygrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times what a user waits for once: the launcher's {@code ./pygrade grade} of the bundled sample
 * on a new JVM, with the start-up (AOT) cache the launcher keeps, and the same command with
 * {@code PYGRADE_AOT=off}. Each variant runs once untimed first (a build or the cache's training
 * run must not count), then {@code runs} times, alternating so that the machine's load falls on both.
 */
public final class ColdStart {
    public static final String EXERCISE = "q09-lru-cache";
    private static final long PATIENCE_SECONDS = 300;

    /** Wall times in ms of each variant's timed runs. */
    public record Result(List<Long> withCacheMs, List<Long> withoutCacheMs) {
        public long medianWith() {
            return median(withCacheMs);
        }

        public long medianWithout() {
            return median(withoutCacheMs);
        }

        /** With the cache over without it: below 1 means the cache helps. */
        public double ratio() {
            return medianWithout() == 0 ? 0 : (double) medianWith() / medianWithout();
        }
    }

    private final Path home;

    public ColdStart(Path home) {
        this.home = home;
    }

    /** The launcher, or null when this installation has none (a test run from Maven, say). */
    public Path launcher() {
        Path launcher = home.resolve("pygrade");
        return Files.isExecutable(launcher) ? launcher : null;
    }

    public Result run(int runs) {
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        once(true);
        once(false);
        for (int i = 0; i < runs; i++) {
            with.add(once(true));
            without.add(once(false));
        }
        return new Result(List.copyOf(with), List.copyOf(without));
    }

    /** One {@code ./pygrade grade}; its wall time in ms. */
    private long once(boolean cache) {
        Path launcher = launcher();
        if (launcher == null) {
            throw new IllegalStateException("no launcher at " + home.resolve("pygrade"));
        }
        // the README's main job, as a user types it (human text: JSON output is slower to start)
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "grade", EXERCISE,
                "exercises/" + EXERCISE + "/reference.py")
                .directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.put("PYGRADE_AOT", cache ? "on" : "off");
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./pygrade grade took over " + PATIENCE_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./pygrade grade " + EXERCISE + " exited with " + process.exitValue()
                        + (cache ? "" : " (PYGRADE_AOT=off)"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + launcher + ": " + e.getMessage(), e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
