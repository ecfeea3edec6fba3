package dev.pygrade.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** cpython_runner.py end to end on q09-lru-cache, in a real python3 process. */
class CPythonRunnerTest {
    private static final String ID = "q09-lru-cache";

    private static Optional<Path> python() {
        return CPythonRunner.findPython(System.getenv());
    }

    @Test
    void referencePassesEveryCheck() {
        Optional<Path> python = python();
        assumeTrue(python.isPresent(), "python3 is not on PATH");
        Exercise exercise = TestSandbox.exercises().find(ID).orElseThrow();
        try (CPythonRunner runner = new CPythonRunner(python.get())) {
            GradeResult result = runner.grade(exercise, exercise.reference(), "reference.py");
            assertEquals(Status.PASSED, result.status(), result.toString());
            assertEquals(5, result.checks().size());
            assertTrue(result.checks().stream().allMatch(CheckResult::passed), result.toString());
            assertEquals(10.0, result.score());
            assertEquals(10.0, result.maxScore());
        }
    }

    @Test
    void wrongAnswerFailsTheRecordedChecks() throws Exception {
        Optional<Path> python = python();
        assumeTrue(python.isPresent(), "python3 is not on PATH");
        Exercise exercise = TestSandbox.exercises().find(ID).orElseThrow();
        Path fixtures = TestSandbox.fixtures().resolve(ID);
        JsonNode expected = new ObjectMapper().readTree(fixtures.resolve("expected.json").toFile())
                .get("wrong_off_by_one.py");
        Set<String> recorded = new TreeSet<>();
        expected.get("not_passed").forEach(name -> recorded.add(name.asText()));
        try (CPythonRunner runner = new CPythonRunner(python.get())) {
            GradeResult result = runner.grade(exercise, fixtures.resolve("wrong_off_by_one.py"), "wrong_off_by_one.py");
            Set<String> notPassed = result.checks().stream().filter(check -> !check.passed()).map(CheckResult::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(recorded, notPassed);
            assertEquals(expected.get("status").asText(), result.status().wire());
            assertEquals(expected.get("score").asDouble(), result.score());
            CheckResult smallValues = result.checks().stream().filter(c -> c.name().equals("small_values"))
                    .findFirst().orElseThrow();
            assertEquals("fibonacci(2): expected 1, got 2", smallValues.message());
        }
    }
}
