package dev.pygrade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ImportScan;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grader;
import dev.pygrade.grading.Status;
import dev.pygrade.validation.ExerciseValidator;
import dev.pygrade.validation.FixtureExpectation;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each submission in fixtures/contamination/ leaves a different kind of state behind. It is
 * graded in a warm pooled context, then honest submissions (the reference and a wrong
 * answer of the same exercise) are graded in the same pool, which keeps no spare: they get
 * that very context if it was found clean. Their results must be exactly what a fresh
 * context gives them; and the pool must have discarded (or, for state it undoes, reused) the
 * context, as contamination.json says.
 */
class ContaminationIT {
    private static final Path FOLDER = TestSandbox.fixtures().resolve("contamination");
    private static final SandboxEngine ENGINE = new SandboxEngine();
    private static final HeapWatchdog WATCHDOG = new HeapWatchdog(Long.MAX_VALUE);
    private static final Map<Path, String> FRESH = new ConcurrentHashMap<>();

    @AfterAll
    static void closeEngine() {
        WATCHDOG.close();
    }

    @TestFactory
    Stream<DynamicTest> honestGradingsAfterContaminationMatchFreshOnes() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(FOLDER.resolve("contamination.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = manifest.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getKey().startsWith("_")) {
                continue;
            }
            String file = entry.getKey();
            JsonNode spec = entry.getValue();
            tests.add(DynamicTest.dynamicTest(file + " (" + spec.get("category").asText() + ")",
                    () -> contaminateThenGradeHonestly(file, spec.get("exercise").asText(), spec.get("expect").asText(),
                            spec.has("warm") ? List.of(spec.get("warm").asText().split(",")) : List.of())));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void everyFixtureIsListed() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(FOLDER.resolve("contamination.json").toFile());
        try (Stream<Path> files = Files.list(FOLDER)) {
            files.filter(path -> path.toString().endsWith(".py")).forEach(path ->
                    assertTrue(manifest.has(path.getFileName().toString()), path + " is missing from contamination.json"));
        }
    }

    /**
     * Default names (Thread-1, Dummy-1, ThreadPoolExecutor-0_0, Task-1) come from counters that
     * every grading advances: graded again and again in one reused context, an answer that
     * prints them must print what a fresh context prints, every time.
     */
    @org.junit.jupiter.api.Test
    void defaultNamesInAReusedContextAreTheFreshOnes() throws Exception {
        Exercise exercise = TestSandbox.exercises().find("q12-coroutines-vs-threads").orElseThrow();
        Path answer = FOLDER.resolve("default_names.py");
        GradeResult fresh = TestSandbox.services().grader(Isolation.FRESH)
                .grade(exercise, SubmissionReader.read(answer, exercise.module()), exercise.limits());
        String expected = verdict(fresh) + outputs(fresh);
        assertTrue(expected.contains("caller MainThread True") && expected.contains("plain Thread-1")
                && expected.contains("ThreadPoolExecutor-0_0") && expected.contains("task Task-1"), expected);
        WarmContextPool pool = new WarmContextPool(ENGINE, WATCHDOG, 500, 0);
        try {
            pool.prewarm(Grader.policyFor(exercise, exercise.limits()));
            Grader pooled = new Grader(pool);
            for (int grading = 1; grading <= 3; grading++) {
                GradeResult result = pooled.grade(exercise, SubmissionReader.read(answer, exercise.module()),
                        exercise.limits());
                assertEquals(expected, verdict(result) + outputs(result), "grading " + grading + " in the pool");
                pool.settle();
            }
            assertEquals(0, pool.stats().discarded(), "the context was discarded: " + pool.discardReasons());
        } finally {
            pool.drain();
        }
    }

    private static String outputs(GradeResult result) {
        StringBuilder text = new StringBuilder();
        for (CheckResult check : result.checks()) {
            text.append("\n").append(check.name()).append(":\n").append(check.output());
        }
        return text.toString();
    }

    private void contaminateThenGradeHonestly(String file, String exerciseId, String expect, List<String> alsoWarm)
            throws Exception {
        Exercise exercise = TestSandbox.exercises().find(exerciseId).orElseThrow();
        WarmContextPool pool = new WarmContextPool(ENGINE, WATCHDOG, 500, 0);
        try {
            // warmed with what the fixture imports too: state in a module a grading imported is
            // forgotten with the module, and these fixtures are about what the baseline holds
            List<String> warm = new ArrayList<>(exercise.imports());
            warm.addAll(ImportScan.modules(Files.readString(FOLDER.resolve(file))));
            warm.addAll(alsoWarm);
            pool.prewarm(Grader.policyFor(exercise.capabilities(), exercise.limits(), warm));
            Grader pooled = new Grader(pool);
            pooled.grade(exercise, SubmissionReader.read(FOLDER.resolve(file), exercise.module()), exercise.limits());
            pool.settle();
            PoolStats after = pool.stats();
            if (expect.equals("either")) {
                assertTrue(after.discarded() + after.idle() == 1, file + ": " + after);
            } else if (expect.equals("discarded")) {
                assertEquals(1, after.discarded(), file + ": the contaminated context was not discarded; " + pool.discardReasons());
            } else {
                assertEquals(0, after.discarded(), file + ": the context was discarded: " + pool.discardReasons());
                assertEquals(1, after.idle(), file + ": the context did not return to the pool");
            }
            for (Path honest : honestSubmissions(exercise)) {
                GradeResult result = pooled.grade(exercise, SubmissionReader.read(honest, exercise.module()),
                        exercise.limits());
                assertEquals(freshVerdict(exercise, honest), verdict(result),
                        file + " then " + honest.getFileName() + ": the pooled result differs from the fresh one");
            }
        } finally {
            pool.drain();
        }
    }

    private static List<Path> honestSubmissions(Exercise exercise) throws Exception {
        List<Path> honest = new ArrayList<>(List.of(exercise.reference()));
        // a wrong answer that fails quickly (a timeout would only slow the test), and not one
        // that leans on a quirk of GraalPy: q17's wrong_cprofile gets GraalPy's sampling
        // profiler, whose first result depends on whether a sample happened to land (usually an
        // ERROR, but a slow CI machine's fresh context once got a FAILED with sampled names)
        new ExerciseValidator((e, s, l) -> null, TestSandbox.fixtures()).fixtures(exercise).expectations().stream()
                .filter(expectation -> expectation.submission().startsWith("wrong_"))
                .filter(expectation -> expectation.status() == Status.FAILED)
                .filter(expectation -> expectation.setup().cpythonDiffers() == null)
                .sorted(java.util.Comparator.comparing(FixtureExpectation::submission)).limit(1)
                .forEach(expectation -> honest.add(TestSandbox.fixtures().resolve(exercise.id())
                        .resolve(expectation.submission())));
        return honest;
    }

    private static String freshVerdict(Exercise exercise, Path submission) {
        return FRESH.computeIfAbsent(submission, path -> {
            try {
                Submission read = SubmissionReader.read(path, exercise.module());
                return verdict(TestSandbox.services().grader(Isolation.FRESH).grade(exercise, read, exercise.limits()));
            } catch (Exception unreadable) {
                throw new IllegalStateException(unreadable);
            }
        });
    }

    /** What must be identical: status, score and each check's status and message. */
    private static String verdict(GradeResult result) {
        StringBuilder text = new StringBuilder(result.status() + " " + result.score() + "/" + result.maxScore());
        for (CheckResult check : result.checks()) {
            text.append("\n  ").append(check.name()).append(' ').append(check.status()).append(' ')
                    .append(check.message());
        }
        // an object's address in a message (<... object at 0x5d07e87a>) differs from run to run
        return text.toString().replaceAll("0x[0-9a-f]+", "0x...");
    }
}
