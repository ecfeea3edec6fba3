package dev.pygrade.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Problem;
import dev.pygrade.grading.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Grades one answer the way a common set-up does: one {@code python3 -I cpython_runner.py
 * EXERCISE_DIR SUBMISSION MODULE} process per grading, running the exercise's checks with the
 * sandbox's own checks API, its expectations judged in CPython (see cpython_runner.py for what
 * it bridges and what it cannot). The runner, the checks API and the virtual-time asyncio loop
 * are copied out of the jar into a temporary folder once.
 */
public final class CPythonRunner implements AutoCloseable {
    static final String RESOURCES = "/dev/pygrade/python/";
    static final List<String> FILES = List.of("cpython_runner.py", "pygrade.py", "_pygrade_asyncio.py",
            "_pygrade_unittest.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path python;
    private final Path folder;

    public CPythonRunner(Path python) {
        this.python = python;
        try {
            folder = Files.createTempDirectory("pygrade-cpython-runner");
            for (String file : FILES) {
                try (InputStream in = CPythonRunner.class.getResourceAsStream(RESOURCES + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + RESOURCES + file);
                    }
                    Files.write(folder.resolve(file), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the CPython runner: " + e.getMessage(), e);
        }
    }

    /** python3 (or python3.exe) on the PATH given, if any. */
    public static Optional<Path> findPython(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : List.of("python3", "python3.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The interpreter python3 really is ({@code sys.executable}): a launcher such as a pyenv shim
     * (a shell script that starts pyenv, which then starts Python) would otherwise be timed with
     * every grading. Falls back to {@code python} itself when the question cannot be answered.
     */
    public static Path resolve(Path python) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-I", "-c", "import sys; print(sys.executable)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 && !text.isEmpty()
                    && Files.isExecutable(Path.of(text))) {
                return Path.of(text);
            }
            process.destroyForcibly();
        } catch (IOException | RuntimeException unknown) {
            // keep python as given
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return python;
    }

    public Path python() {
        return python;
    }

    public Path script() {
        return folder.resolve(FILES.get(0));
    }

    /** Grades {@code answer} (a .py file or a folder) against {@code exercise} in a fresh python3 process. */
    public GradeResult grade(Exercise exercise, Path answer, String label) {
        long started = System.nanoTime();
        long limitSeconds = (long) Math.ceil(exercise.limits().totalTimeout().toMillis() / 1000.0) + 30;
        Process process;
        try {
            process = new ProcessBuilder(python.toString(), "-I", script().toString(),
                    exercise.directory().toAbsolutePath().toString(), answer.toAbsolutePath().toString(),
                    exercise.module())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return broken(exercise, label, started, "cannot start " + python + ": " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = Thread.ofPlatform().start(() -> {
                try (InputStream in = process.getInputStream()) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // the process died; what was read is judged below
                }
            });
            if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return broken(exercise, label, started, "python3 ran longer than " + limitSeconds + "s");
            }
            reader.join();
            String text = out.toString(StandardCharsets.UTF_8).strip();
            return parse(exercise, label, text, (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return broken(exercise, label, started, "interrupted");
        } catch (IOException | RuntimeException unreadable) {
            return broken(exercise, label, started, "unreadable runner output: " + unreadable.getMessage());
        }
    }

    /** The runner's JSON object as a result record (check descriptions are left empty). */
    static GradeResult parse(Exercise exercise, String label, String text, long durationMs) throws IOException {
        int last = text.lastIndexOf('\n');
        JsonNode root = JSON.readTree(last < 0 ? text : text.substring(last + 1));
        if (root == null || !root.has("checks")) {
            throw new IOException("no result object in: " + text);
        }
        List<CheckResult> checks = new ArrayList<>();
        for (JsonNode check : root.get("checks")) {
            checks.add(new CheckResult(check.path("name").asText(), "", checkStatus(check.path("status").asText()),
                    check.path("score").asDouble(), check.path("max_score").asDouble(),
                    check.path("message").asText(""), ""));
        }
        Status status = status(root.path("status").asText());
        JsonNode error = root.path("error");
        Problem problem = error.isTextual() ? Problem.of(status == Status.TIMEOUT ? Problem.Kind.TIMEOUT
                : status == Status.INTERNAL_ERROR ? Problem.Kind.INTERNAL : Problem.Kind.IMPORT, error.asText()) : null;
        return new GradeResult(exercise.id(), label, status, root.path("score").asDouble(),
                root.path("max_score").asDouble(), durationMs, problem, checks);
    }

    private static Status status(String wire) {
        for (Status status : Status.values()) {
            if (status.wire().equals(wire)) {
                return status;
            }
        }
        return Status.INTERNAL_ERROR;
    }

    private static CheckStatus checkStatus(String wire) {
        for (CheckStatus status : CheckStatus.values()) {
            if (status.wire().equals(wire)) {
                return status;
            }
        }
        return CheckStatus.INTERNAL_ERROR;
    }

    private static GradeResult broken(Exercise exercise, String label, long started, String why) {
        return new GradeResult(exercise.id(), label, Status.INTERNAL_ERROR, 0, 0,
                (System.nanoTime() - started) / 1_000_000, Problem.of(Problem.Kind.INTERNAL, "CPython runner: " + why),
                List.of());
    }

    @Override
    public void close() {
        try {
            for (String file : FILES) {
                Files.deleteIfExists(folder.resolve(file));
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a temporary folder left behind harms nothing
        }
    }
}
