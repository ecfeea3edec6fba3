package dev.pygrade.exercise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pygrade.submission.Submission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.time.Duration;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An exercise made from an existing unittest file, without an exercise folder: its checks are
 * _pygrade_unittest_checks.py (each test method a check of weight 1) given the test file and
 * the support files beside it. Support modules (.py) are imported like the answer's own files;
 * other support files are written into the sandbox's in-memory file system.
 *
 * The checks file lives in a temporary folder (an {@link Exercise} reads its checks from its
 * folder); {@link #close()} removes it.
 */
public record UnittestExercise(Exercise exercise, Map<String, Submission.SourceFile> supportModules)
        implements AutoCloseable {
    private static final String ADAPTER = "/dev/pygrade/python/_pygrade_unittest_checks.py";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FILES = 200;
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    /**
     * Limits of a unittest file's tests: they test behaviour, not speed, and a file may hold a
     * hundred of them (--timeout still sets the time per test).
     */
    static final Limits LIMITS = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(600),
            Limits.DEFAULT.maxOutputBytes(), Limits.DEFAULT_MEMORY_BYTES);
    private static final Pattern THREADS = Pattern.compile(
            "^\\s*(import|from)\\s+(threading|concurrent\\.futures|concurrent|_thread)\\b", Pattern.MULTILINE);
    private static final Pattern ASYNCIO = Pattern.compile(
            "^\\s*(import|from)\\s+asyncio\\b|IsolatedAsyncioTestCase", Pattern.MULTILINE);

    public UnittestExercise {
        supportModules = Map.copyOf(supportModules);
    }

    /**
     * The exercise of {@code testFile}, whose solution is imported as {@code module};
     * {@code excluded} (the answer itself, when it sits beside the tests) is not a support file.
     */
    public static UnittestExercise of(Path testFile, String module, Path excluded) {
        if (!Files.isRegularFile(testFile)) {
            throw new ExerciseException(testFile, 0, "no such unittest file");
        }
        Path folder = testFile.toAbsolutePath().getParent();
        String testName = testFile.getFileName().toString();
        Map<String, Submission.SourceFile> modules = new TreeMap<>();
        Map<String, String> files = new TreeMap<>();
        long[] bytes = {0};
        try (Stream<Path> walk = Files.walk(folder, 4)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (!support(relative, testName, module) || (excluded != null
                        && path.toAbsolutePath().normalize().startsWith(excluded.toAbsolutePath().normalize()))) {
                    continue;
                }
                if (modules.size() + files.size() >= MAX_FILES || (bytes[0] += Files.size(path)) > MAX_BYTES) {
                    throw new ExerciseException(folder, 0, "too many support files beside the test file (at most "
                            + MAX_FILES + " files, 4 MiB)");
                }
                String text = utf8(path);
                if (relative.endsWith(".py")) {
                    modules.put(relative, new Submission.SourceFile(relative, text));
                } else {
                    files.put(relative, text);
                }
            }
        } catch (IOException e) {
            throw new ExerciseException(folder, 0, "cannot read the support files: " + e.getMessage());
        }
        String testSource = utf8(testFile);
        Path directory = writeChecks(testFile, testSource, module, files, modules);
        String id = testName.endsWith(".py") ? testName.substring(0, testName.length() - 3) : testName;
        StringBuilder sources = new StringBuilder(testSource);
        modules.values().forEach(support -> sources.append('\n').append(support.text()));
        Exercise exercise = new Exercise(id, directory, "unittest " + testName, OptionalInt.empty(), "",
                module, LIMITS, capabilities(sources.toString()));
        return new UnittestExercise(exercise, modules);
    }

    /**
     * What the tests need from the sandbox, read from their imports: threads for tests that use
     * threading or concurrent.futures, asyncio for those that use asyncio or
     * IsolatedAsyncioTestCase; and always the in-memory file system, which holds the support
     * files and gives the tests a working directory (unittest's helpers and inspect ask for it).
     */
    static Capabilities capabilities(String sources) {
        boolean threads = THREADS.matcher(sources).find();
        boolean asyncio = ASYNCIO.matcher(sources).find();
        return new Capabilities(threads, false, asyncio, true);
    }

    /** The answer with the support modules beside it (the answer's own files win). */
    public Submission withSupport(Submission answer) {
        Map<String, Submission.SourceFile> merged = new TreeMap<>(supportModules);
        merged.putAll(answer.files());
        return new Submission(answer.label(), merged);
    }

    /**
     * Whether a file beside the test file is a support file: not hidden (Exercism keeps its
     * example solution in .meta/), not a cache, not the test file, not the solution's stub.
     */
    private static boolean support(String relative, String testName, String module) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.equals("__pycache__")) {
                return false;
            }
        }
        return !relative.equals(testName) && !relative.equals(module + ".py") && !relative.startsWith(module + "/")
                && !relative.endsWith(".pyc");
    }

    private static Path writeChecks(Path testFile, String testSource, String module, Map<String, String> files,
            Map<String, Submission.SourceFile> modules) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("test_file", testFile.getFileName().toString());
        payload.put("test_source", testSource);
        payload.put("module", module);
        ObjectNode fileNode = payload.putObject("files");
        files.forEach(fileNode::put);
        var moduleNames = payload.putArray("modules");
        modules.keySet().forEach(path -> moduleNames.add(path.substring(0, path.length() - 3).split("/")[0]));
        try {
            String call = "\n_adapt(" + JSON.writeValueAsString(payload.toString()) + ")\n";
            Path directory = Files.createTempDirectory("pygrade-unittest");
            Files.writeString(directory.resolve(Exercise.CHECKS), adapter() + call, StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the unittest checks", e);
        }
    }

    private static String adapter() throws IOException {
        try (InputStream in = UnittestExercise.class.getResourceAsStream(ADAPTER)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ADAPTER);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String utf8(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException binary) {
            throw new ExerciseException(file, 0, "not UTF-8 text: support files must be text");
        } catch (IOException e) {
            throw new ExerciseException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(exercise.checksFile());
            Files.deleteIfExists(exercise.directory());
        } catch (IOException ignored) {
            // a temporary folder left behind harms nothing
        }
    }
}
