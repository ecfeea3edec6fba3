package dev.pygrade.grading;

import dev.pygrade.TestSandbox;
import dev.pygrade.sandbox.Isolation;
import dev.pygrade.validation.ExerciseValidator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every exercise is proven: its reference scores full marks and every fixture gets the
 * result recorded for it in fixtures/ID/expected.json, in warm pooled contexts (the default).
 * The same proof in fresh contexts is CI's {@code ./pygrade validate --isolation fresh} step
 * (.ci/run); {@code -Dpygrade.fixtures.fresh=true} runs it here too.
 */
class ExerciseFixturesIT {
    @TestFactory
    Stream<DynamicNode> pooledContextsGiveTheRecordedResults() {
        return ExerciseFixturesTest.recordedResults(new ExerciseValidator(TestSandbox.grader(Isolation.POOLED),
                TestSandbox.fixtures()), TestSandbox.exercises().all());
    }

    @TestFactory
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "pygrade.fixtures.fresh", matches = "true")
    Stream<DynamicNode> freshContextsGiveTheRecordedResults() {
        return ExerciseFixturesTest.recordedResults(new ExerciseValidator(TestSandbox.grader(Isolation.FRESH),
                TestSandbox.fixtures()), TestSandbox.exercises().all());
    }
}
