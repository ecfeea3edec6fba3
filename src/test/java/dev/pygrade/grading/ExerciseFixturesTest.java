package dev.pygrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.sandbox.Isolation;
import dev.pygrade.validation.ExerciseValidator;
import dev.pygrade.validation.FixtureExpectation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One exercise proven in warm pooled contexts (the default): its reference scores full marks and
 * every fixture gets the result recorded for it in fixtures/ID/expected.json. Every exercise is
 * proven the same way by {@link ExerciseFixturesIT} ({@code mvn verify}).
 */
class ExerciseFixturesTest {
    /** The exercise of the README's sample, whose fixtures cover passed, failed, error and timeout. */
    static final String SAMPLE = "q09-lru-cache";

    private final ExerciseValidator validator = new ExerciseValidator(TestSandbox.grader(Isolation.POOLED),
            TestSandbox.fixtures());

    @TestFactory
    Stream<DynamicNode> pooledContextsGiveTheRecordedResults() {
        return recordedResults(validator, List.of(TestSandbox.exercises().find(SAMPLE).orElseThrow()));
    }

    /** For each exercise, a test of its reference and one per fixture recorded in expected.json. */
    static Stream<DynamicNode> recordedResults(ExerciseValidator validator, List<Exercise> exercises) {
        return exercises.stream().map(exercise -> {
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("reference scores full marks", () -> {
                var graded = validator.gradeReference(exercise);
                assertTrue(graded.matches(), exercise.id() + " reference: " + graded.mismatch());
            }));
            tests.add(DynamicTest.dynamicTest("every fixture has a recorded result", () ->
                    assertEquals(List.of(), validator.fixtures(exercise).unrecorded(), exercise.id())));
            for (FixtureExpectation expectation : validator.fixtures(exercise).expectations()) {
                tests.add(DynamicTest.dynamicTest(expectation.submission(), () -> {
                    var graded = validator.gradeFixture(exercise, expectation);
                    assertTrue(graded.matches(), exercise.id() + "/" + expectation.submission() + ": "
                            + graded.mismatch());
                }));
            }
            return DynamicContainer.dynamicContainer(exercise.id(), tests);
        });
    }

    @Test
    void everyExerciseHasACorrectAlternativeAndThreeWrongAnswers() {
        for (Exercise exercise : TestSandbox.exercises().all()) {
            var expectations = validator.fixtures(exercise).expectations();
            long correct = expectations.stream().filter(e -> e.status() == Status.PASSED).count();
            long wrong = expectations.stream().filter(e -> e.submission().startsWith("wrong")).count();
            assertTrue(correct >= 1, exercise.id() + " needs a correct alternative among its fixtures");
            assertTrue(wrong >= 3, exercise.id() + " needs at least three plausible wrong answers, has " + wrong);
        }
    }
}
