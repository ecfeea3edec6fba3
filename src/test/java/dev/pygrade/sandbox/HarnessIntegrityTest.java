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
    /** Python for the checks below: the types with the immutable flag that the loaded modules hold. */
    private static final String IMMUTABLE_TYPES = """
            import sys

            FLAGS = type.__dict__["__flags__"].__get__


            def immutable_types(with_bases):
                types_seen = {}
                for module in list(sys.modules.values()):
                    for value in list(getattr(module, "__dict__", {}).values()):
                        if isinstance(value, type):
                            for cls in value.__mro__ if with_bases else (value,):
                                types_seen[id(cls)] = cls
                return [cls for cls in types_seen.values() if FLAGS(cls) & (1 << 8)]
            """;

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

    /**
     * The verifier leaves types with the immutable flag out of its snapshot: that is sound only
     * if GraalPy really refuses every change to them. Every type the loaded modules hold is tried.
     */
    @Test
    void typesLeftOutOfTheSnapshotReallyCannotBeChanged() throws IOException {
        Exercise exercise = exercise(IMMUTABLE_TYPES + """
                from pygrade import check, expect_equal, expect_true


                def attempts(cls):
                    for attempt in (lambda: type.__setattr__(cls, "_pygrade_probe", 1),
                                    lambda: type.__setattr__(cls, "__repr__", None),
                                    lambda: type.__delattr__(cls, "__doc__"),
                                    lambda: setattr(cls, "__eq__", None)):
                        try:
                            attempt()
                            return "changed"
                        except TypeError:
                            pass
                        except AttributeError:
                            pass
                    return None


                @check(weight=1)
                def immutable_types_refuse_changes(solution):
                    immutable = immutable_types(with_bases=False)
                    expect_true(len(immutable) > 100, "many immutable types were tried")
                    changed = [cls.__qualname__ for cls in immutable if attempts(cls) is not None]
                    expect_equal(changed, [], "immutable types that accepted a change")
                """);
        GradeResult result = grade(exercise, "def double(x):\n    return 2 * x\n");
        assertEquals(Status.PASSED, result.status(), String.valueOf(result.error()) + result.checks());
    }

    /**
     * The verifier does not look for Python functions in types with the immutable flag (reading
     * their namespaces cost 14 ms a grading): sound only while GraalPy's immutable types hold
     * none, whose code or defaults a candidate could still rewrite. Every such type that a loaded
     * module holds, with its bases, is searched.
     */
    @Test
    void immutableTypesHoldNoPythonFunctions() throws IOException {
        Exercise exercise = exercise(IMMUTABLE_TYPES + """
                import types
                from pygrade import check, expect_equal, expect_true


                def python_functions(cls):
                    found = []
                    for name, member in list(cls.__dict__.items()):
                        inner = member.__func__ if isinstance(member, (staticmethod, classmethod)) else member
                        accessors = (inner.fget, inner.fset, inner.fdel) if isinstance(inner, property) else (inner,)
                        found += [cls.__qualname__ + "." + name for accessor in accessors
                                  if isinstance(accessor, types.FunctionType)]
                    return found


                @check(weight=1)
                def immutable_types_hold_no_python_function(solution):
                    immutable = immutable_types(with_bases=True)
                    expect_true(len(immutable) > 100, "many immutable types were searched")
                    found = [name for cls in immutable for name in python_functions(cls)]
                    expect_equal(found, [], "Python functions held by immutable types")
                """);
        GradeResult result = grade(exercise, "def double(x):\n    return 2 * x\n");
        assertEquals(Status.PASSED, result.status(), String.valueOf(result.error()) + result.checks());
    }

    /** filter and ExceptionGroup are written in Python in GraalPy, and can be changed: they stay verified. */
    @Test
    void changingABuiltinTypeThatGraalPyLeavesMutableIsTampering() throws IOException {
        Exercise exercise = exercise("""
                from pygrade import check, expect_equal


                @check(weight=1)
                def doubles(solution):
                    expect_equal(solution.double(2), 4, "double(2)")
                """);
        GradeResult result = grade(exercise, """
                def double(x):
                    filter.__iter__ = lambda self: iter(())
                    return 2 * x
                """);
        assertEquals(Status.ERROR, result.status(), String.valueOf(result.error()) + result.checks());
        assertEquals(0.0, result.score());
    }
}
