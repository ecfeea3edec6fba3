package dev.pygrade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrity snapshot must not mistake what GraalPy does by itself for tampering. */
class HarnessIntegrityTest {
    @TempDir
    Path root;

    private Exercise exercise(String checks) throws IOException {
        Path dir = Files.createDirectories(root.resolve("exercises/t01-integrity"));
        Files.writeString(dir.resolve("exercise.json"),
                "{\"title\": \"integrity\", \"level\": \"2 years\", \"module\": \"solution\"}");
        Files.writeString(dir.resolve("prompt.md"), "# integrity\n");
        Files.writeString(dir.resolve("reference.py"), "def double(x):\n    return 2 * x\n");
        Files.writeString(dir.resolve("checks.py"), checks);
        return new ExerciseRepository(root.resolve("exercises")).find("t01-integrity").orElseThrow();
    }

    private static GradeResult grade(Exercise exercise, String source) {
        return TestSandbox.grader().grade(exercise, Submission.ofSource("answer.py", "solution", source),
                exercise.limits());
    }

    @Test
    void classesWhoseMethodsUseZeroArgumentSuperAreNotTampering() throws IOException {
        Exercise exercise = exercise("""
                from abc import ABCMeta
                from fractions import Fraction
                from pygrade import check, expect_equal


                class Base:
                    def value(self):
                        return 1


                class Child(Base):
                    def value(self):
                        return super().value() + 1


                @check(weight=1)
                def doubles(solution):
                    expect_equal(solution.double(Child().value()), 4, "double(2)")
                    expect_equal(str(Fraction(1, 2)), "1/2", "a Fraction still works")
                """);
        GradeResult result = grade(exercise, "def double(x):\n    return 2 * x\n");
        assertEquals(Status.PASSED, result.status(), String.valueOf(result.error()) + result.checks());
    }

    @Test
    void rebindingAClosureCellOfACheckIsTampering() throws IOException {
        Exercise exercise = exercise("""
                from pygrade import check, expect_equal


                def make_expected():
                    wanted = 4

                    def expected():
                        return wanted
                    return expected


                EXPECTED = make_expected()


                @check(weight=1)
                def doubles(solution):
                    solution.double(0)
                    expect_equal(solution.double(2), EXPECTED(), "double(2)")
                """);
        GradeResult result = grade(exercise, """
                import sys

                def double(x):
                    frame = sys._getframe(1)
                    while frame is not None:
                        target = frame.f_globals.get("EXPECTED")
                        if target is not None and target.__closure__:
                            target.__closure__[0].cell_contents = 99
                        frame = frame.f_back
                    return 99
                """);
        assertEquals(0.0, result.score(), String.valueOf(result.error()) + result.checks());
    }

    @Test
    void importingASubmoduleOfAModuleTheChecksUseIsNotTampering() throws IOException {
        Exercise exercise = exercise("""
                import logging
                from pygrade import check, expect_equal


                @check(weight=1)
                def doubles(solution):
                    expect_equal(solution.double(2), 4, "double(2)")
                """);
        GradeResult result = grade(exercise, """
                import logging.handlers

                def double(x):
                    return 2 * x
                """);
        assertEquals(Status.PASSED, result.status(), String.valueOf(result.error()) + result.checks());
    }

    @Test
    void addingOtherNamesToAModuleTheChecksUseIsTampering() throws IOException {
        Exercise exercise = exercise("""
                import logging
                from pygrade import check, expect_equal


                @check(weight=1)
                def doubles(solution):
                    expect_equal(solution.double(2), 4, "double(2)")
                """);
        GradeResult result = grade(exercise, """
                import logging
                logging.handlers = "not a module"

                def double(x):
                    return 2 * x
                """);
        assertEquals(Status.ERROR, result.status(), String.valueOf(result.error()) + result.checks());
        assertEquals(0.0, result.score());
    }
}
