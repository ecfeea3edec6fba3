package dev.pygrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.submission.SubmissionException;
import dev.pygrade.submission.SubmissionReader;
import dev.pygrade.validation.ExerciseValidator;
import dev.pygrade.validation.FixtureExpectation;
import dev.pygrade.validation.FixtureSet;
import dev.pygrade.worker.WorkerPool;
import dev.pygrade.worker.WorkerProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * fixtures/hostile/: one submission per attack, each graded on its own and required to get the
 * status recorded for it. A forged pass, a crash of the grader or a hang fails the suite.
 */
class HostileFixturesIT {
    static final Path HOSTILE = TestSandbox.fixtures().resolve("hostile");

    private final ExerciseValidator validator = new ExerciseValidator(TestSandbox.grader(), TestSandbox.fixtures());

    static Stream<FixtureExpectation> attacks() {
        return FixtureSet.load(HOSTILE).expectations().stream();
    }

    static Exercise exerciseOf(FixtureExpectation attack) {
        assertNotNull(attack.setup().exercise(), attack.submission() + " needs \"exercise\" in expected.json");
        return TestSandbox.exercises().find(attack.setup().exercise())
                .orElseThrow(() -> new AssertionError("no exercise " + attack.setup().exercise()));
    }

    @TestFactory
    Stream<DynamicTest> everyAttackGetsItsRecordedStatusOneAtATime() {
        return attacks().filter(attack -> !attack.setup().workerOnly())
                .map(attack -> DynamicTest.dynamicTest(attack.submission(), () -> assertRecorded(validator, attack)));
    }

    /**
     * Every attack at once, two at a time in worker JVMs, interleaved with correct answers that
     * must still get full marks: one hostile grading never costs another its result.
     */
    @Test
    void allAttacksTogetherBesideCorrectAnswers() throws Exception {
        try (WorkerPool workers = new WorkerPool(2, 1024L * 1024 * 1024, TestSandbox.home());
             ExecutorService lanes = Executors.newFixedThreadPool(2)) {
            ExerciseValidator isolated = new ExerciseValidator(workers, TestSandbox.fixtures());
            Exercise lru = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
            List<Future<String>> verdicts = new ArrayList<>();
            for (FixtureExpectation attack : attacks().toList()) {
                verdicts.add(lanes.submit(() -> verdict(isolated.grade(exerciseOf(attack),
                        HOSTILE.resolve(attack.submission()), attack))));
                verdicts.add(lanes.submit(() -> verdict(isolated.gradeReference(lru))));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<String> verdict : verdicts) {
                String problem = verdict.get();
                if (problem != null) {
                    wrong.add(problem);
                }
            }
            assertEquals(List.of(), wrong);
            assertTrue(workers.replaced() >= 1, "the worker left holding a stranded thread is replaced");
        }
        WorkerProcesses.assertNoneOutlive();
    }

    private static String verdict(ExerciseValidator.Case graded) {
        return graded.matches() ? null : graded.file().getFileName() + ": " + graded.mismatch();
    }

    private static void assertRecorded(ExerciseValidator validator, FixtureExpectation attack) {
        var graded = validator.grade(exerciseOf(attack), HOSTILE.resolve(attack.submission()), attack);
        assertTrue(graded.matches(), attack.submission() + ": " + graded.mismatch());
        if (graded.actual() != null && attack.submission().startsWith("forge")) {
            assertEquals(0.0, graded.actual().score(), "a forgery earned marks");
        }
    }

    @Test
    void everyHostileFileIsRecorded() {
        assertEquals(List.of(), FixtureSet.load(HOSTILE).unrecorded());
    }

    @Test
    void aTenMegabyteFileIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("solution.py");
        String line = "x = 1  # " + "padding ".repeat(10) + "\n";
        Files.writeString(huge, line.repeat(10 * 1024 * 1024 / line.length() + 1));
        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> SubmissionReader.read(huge, "solution"));
        assertTrue(refused.located().contains("larger than"), refused.located());
    }
}
