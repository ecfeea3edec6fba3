package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.TestSandbox;
import dev.pygrade.cpython.CPythonRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructors' commands in-process: each kind of problem `validate` reports, the scaffold of
 * `new`, and `grade --checks` against unittest files. Exercises are written into a temporary
 * folder (exercises/ and fixtures/ side by side), small so that few gradings are needed.
 */
class InstructorCommandsTest {
    private static final String METADATA = """
            {
              "title": "Double a number",
              "level": "2 years",
              "module": "solution"
            }
            """;
    private static final String REFERENCE = """
            def double(x):
                return x * 2
            """;
    private static final String CHECKS = """
            from pygrade import check, expect_equal

            @check(weight=2)
            def doubles(solution):
                expect_equal([solution.double(x) for x in (0, 1, 5, -3)], [0, 2, 10, -6], "double(0, 1, 5, -3)")
            """;
    private static final Path UNITTEST = TestSandbox.home().resolve("src/test/resources/unittest");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--exercises";
        all[1] = dir.resolve("exercises").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(TestSandbox.services(), all);
    }

    private Path exercise(String id, String metadata, String reference, String checks) throws IOException {
        Path folder = dir.resolve("exercises").resolve(id);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("exercise.json"), metadata);
        Files.writeString(folder.resolve("prompt.md"), "# " + id + "\n");
        if (reference != null) {
            Files.writeString(folder.resolve("reference.py"), reference);
        }
        if (checks != null) {
            Files.writeString(folder.resolve("checks.py"), checks);
        }
        return folder;
    }

    private Path fixture(String id, String name, String text) throws IOException {
        Path folder = dir.resolve("fixtures").resolve(id);
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void unknownMetadataKeyIsReportedWithItsLine() throws IOException {
        exercise("bad-key", METADATA.replace("\"level\"", "\"titel\": \"x\",\n  \"level\""), REFERENCE, CHECKS);
        CliRun run = run("validate", "bad-key");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("exercise.json:3: unknown key \"titel\""), run.out());
    }

    @Test
    void wrongTypesAreReportedEachWithItsLine() throws IOException {
        exercise("bad-types", """
                {
                  "title": 5,
                  "level": "2 years",
                  "module": "solution",
                  "limits": {"check_timeout_seconds": "five"},
                  "sandbox": {
                    "threads": "yes"
                  }
                }
                """, REFERENCE, CHECKS);
        CliRun run = run("validate", "bad-types", "--format", "json");
        assertEquals(1, run.code(), run.out() + run.err());
        JsonNode findings = run.json().get("exercises").get(0).get("findings");
        assertEquals(3, findings.size(), findings.toString());
        assertEquals(2, findings.get(0).get("line").asInt());
        assertTrue(findings.get(0).get("message").asText().contains("\"title\" must be text"), findings.toString());
        assertEquals(5, findings.get(1).get("line").asInt());
        assertTrue(findings.get(1).get("message").asText().contains("\"limits.check_timeout_seconds\" must be a number"));
        assertEquals(7, findings.get(2).get("line").asInt());
        assertTrue(findings.get(2).get("message").asText().contains("\"sandbox.threads\" must be true or false"));
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        exercise("no-checks", METADATA, null, null);
        exercise("bad-key", METADATA.replace("\"level\"", "\"titel\": \"x\",\n  \"level\""), REFERENCE, CHECKS);
        CliRun run = run("validate", "no-checks", "bad-key", "--no-cpython");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("no-checks/checks.py: missing file"), run.out());
        assertTrue(run.out().contains("no-checks/reference.py: missing reference solution"), run.out());
        // The end of the output lists every problem again, whatever scrolled away before it.
        String tail = run.out().substring(run.out().indexOf("problems:"));
        assertTrue(tail.contains("no-checks/checks.py: missing file"), tail);
        assertTrue(tail.contains("bad-key/exercise.json:3: unknown key"), tail);
        assertTrue(tail.contains("problem(s) found"), tail);
    }

    @Test
    void referenceBelowFullMarksFails() throws IOException {
        exercise("weak-reference", METADATA, REFERENCE.replace("x * 2", "x + x + 1"), CHECKS);
        CliRun run = run("validate", "weak-reference", "--no-determinism", "--no-cpython");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("reference.py: reference.py: status failed, expected passed"), run.out());
    }

    @Test
    void fixtureWithAnotherResultIsReportedAtItsLineInExpectedJson() throws IOException {
        exercise("fixture-mismatch", METADATA, REFERENCE, CHECKS);
        fixture("fixture-mismatch", "wrong_adds.py", "def double(x):\n    return x + 2\n");
        fixture("fixture-mismatch", "expected.json", """
                {
                  "wrong_adds.py": {"status": "passed", "score": 2}
                }
                """);
        CliRun run = run("validate", "fixture-mismatch", "--no-determinism", "--no-cpython");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("expected.json:2: wrong_adds.py: status failed, expected passed, score 0,"
                + " expected 2"), run.out());
    }

    @Test
    void nondeterministicChecksAreReported() throws IOException {
        // sixteen coin tosses: two gradings agree on all of them once in 65,536 runs
        exercise("coin-toss", METADATA, REFERENCE, """
                import random
                from pygrade import check, expect_true

                def toss(index):
                    @check(name="toss_%d" % index)
                    def tossed(solution):
                        expect_true(random.random() < 0.5, "a coin toss")

                for index in range(16):
                    toss(index)
                """);
        CliRun run = run("validate", "coin-toss", "--no-cpython");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("reference.py: not deterministic: graded twice, "), run.out());
    }

    @Test
    void weakChecksLetMutantsSurviveAndFailUnderTheMinimum() throws IOException {
        exercise("weak-checks", METADATA, REFERENCE, CHECKS.replace("(0, 1, 5, -3)], [0, 2, 10, -6]", "(0,)], [0]"));
        CliRun run = run("validate", "weak-checks", "--no-determinism", "--no-cpython", "--min-mutation-score", "80",
                "--format", "json");
        assertEquals(1, run.code(), run.out() + run.err());
        JsonNode report = run.json().get("exercises").get(0);
        JsonNode mutation = report.get("mutation");
        assertEquals(3, mutation.get("mutants").asInt(), mutation.toString());
        assertEquals(2, mutation.get("caught").asInt(), mutation.toString());
        JsonNode survivor = mutation.get("survivors").get(0);
        assertEquals(2, survivor.get("line").asInt());
        assertEquals("`2` -> `3`", survivor.get("change").asText());
        assertTrue(report.get("findings").toString().contains("caught 2 of 3 mutants of the reference (67%), under"
                + " the minimum of 80%"), report.toString());
    }

    @Test
    void strongChecksCatchEveryMutant() throws IOException {
        exercise("strong-checks", METADATA, REFERENCE, CHECKS);
        CliRun run = run("validate", "strong-checks", "--no-determinism", "--no-cpython", "--mutation");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("mutation: 3 of 3 mutants caught (100%)"), run.out());
    }

    @Test
    void verdictsThatDifferOnCPythonAreWarnings() throws IOException {
        Assumptions.assumeTrue(CPythonRunner.findPython(System.getenv()).isPresent(), "python3 is not on the PATH");
        String graalOnly = """
                import sys
                from pygrade import check, expect_equal

                @check
                def on_graalpy(solution):
                    expect_equal(sys.implementation.name, "graalpy", "the interpreter")
                """;
        exercise("graal-only", METADATA, REFERENCE, graalOnly);
        fixture("graal-only", "alt_same.py", REFERENCE);
        fixture("graal-only", "expected.json", """
                {"alt_same.py": {"status": "passed", "score": 1, "cpython_differs": "the check asks for GraalPy"}}
                """);
        CliRun run = run("validate", "graal-only", "--no-determinism");
        assertEquals(0, run.code(), "warnings alone do not fail: " + run.out() + run.err());
        assertTrue(run.out().contains("reference.py: warning: reference.py: GraalPy and CPython disagree (GraalPy"
                + " first): status passed then failed"), run.out());
        assertFalse(run.out().contains("alt_same.py: GraalPy and CPython disagree"), run.out());
        assertTrue(run.out().contains("(1 warning(s))"), run.out());
    }

    @Test
    void newScaffoldsAnExerciseThatValidates() throws IOException {
        Files.createDirectories(dir.resolve("exercises"));
        CliRun created = run("new", "q99-average");
        assertEquals(0, created.code(), created.out() + created.err());
        for (String file : new String[] {"exercises/q99-average/exercise.json", "exercises/q99-average/prompt.md",
                "exercises/q99-average/reference.py", "exercises/q99-average/checks.py",
                "fixtures/q99-average/expected.json"}) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
            assertTrue(Files.readString(dir.resolve(file)).contains(file.endsWith(".md") ? "<!--" : file.endsWith(
                    ".json") ? "//" : "#"), file + " is commented");
        }
        CliRun validated = run("validate", "q99-average", "--no-determinism");
        assertEquals(0, validated.code(), validated.out() + validated.err());
        assertTrue(validated.out().contains("all 1 exercise(s) valid"), validated.out());
        assertFalse(validated.out().contains("warning"), validated.out());

        CliRun again = run("new", "q99-average");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        CliRun bad = run("new", "Not_An_Id");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("is not a valid exercise id"), bad.err());
    }

    @Test
    void anExerciseWhoseChecksAreAUnittestModuleIsProvenOnBothRuntimes() throws IOException {
        exercise("clock", METADATA, """
                class Clock:
                    def __init__(self, hour, minute):
                        self.hour, self.minute = divmod((hour * 60 + minute) % 1440, 60)

                    def __eq__(self, other):
                        return isinstance(other, Clock) and (self.hour, self.minute) == (other.hour, other.minute)

                    def __repr__(self):
                        return "Clock(%d, %d)" % (self.hour, self.minute)
                """, """
                import unittest

                class ClockTest(unittest.TestCase):
                    def test_wraps_around(self):
                        import solution
                        self.assertEqual(solution.Clock(24, 30), solution.Clock(0, 30))

                    def test_minutes(self):
                        import solution
                        self.assertEqual(solution.Clock(1, 75).minute, 15)

                    @unittest.skip("next term")
                    def test_seconds(self):
                        self.fail("not yet")
                """);
        fixture("clock", "wrong_no_wrap.py", """
                class Clock:
                    def __init__(self, hour, minute):
                        self.hour, self.minute = hour + minute // 60, minute % 60

                    def __eq__(self, other):
                        return isinstance(other, Clock) and (self.hour, self.minute) == (other.hour, other.minute)
                """);
        Files.writeString(dir.resolve("fixtures/clock/expected.json"), """
                {"wrong_no_wrap.py": {"status": "failed", "score": 1, "not_passed": ["ClockTest.test_wraps_around"]}}
                """);
        CliRun run = run("validate", "clock", "--format", "json");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode report = run.json().get("exercises").get(0);
        assertEquals(0, report.get("findings").size(), report.toString());
        CliRun graded = run("grade", "clock", dir.resolve("exercises/clock/reference.py").toString(), "--format",
                "json");
        assertEquals(0, graded.code(), graded.out());
        JsonNode checks = graded.json().get("checks");
        assertEquals("skipped", checks.get(1).get("status").asText(), checks.toString());
        assertEquals(2.0, graded.json().get("max_score").asDouble(), "the skipped test is not part of the score");
    }

    @Test
    void gradeChecksPassesACorrectAnswerOnEveryTestMethod() throws IOException {
        CliRun run = run("grade", "--checks", UNITTEST.resolve("leap/leap_test.py").toString(),
                UNITTEST.resolve("answers/leap_good.py").toString(), "--format", "json");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode result = run.json();
        assertEquals(9, result.get("checks").size());
        // unittest's order: classes, then their test methods, by name
        assertEquals("LeapTest.test_year_divisible_by_100_but_not_by_3_is_still_not_a_leap_year",
                result.get("checks").get(0).get("name").asText());
        assertEquals(9.0, result.get("score").asDouble());
    }

    @Test
    void gradeChecksFailsExactlyTheRightTestMethodsWithTheirAssertionMessages() throws IOException {
        CliRun run = run("grade", "--checks", UNITTEST.resolve("leap/leap_test.py").toString(), "--module", "leap",
                UNITTEST.resolve("answers/leap_only_by_4.py").toString(), "--format", "json");
        assertEquals(1, run.code(), run.out() + run.err());
        JsonNode result = run.json();
        assertEquals(6.0, result.get("score").asDouble(), result.toString());
        java.util.Map<String, String> failed = new java.util.TreeMap<>();
        for (JsonNode check : result.get("checks")) {
            if (!check.get("status").asText().equals("passed")) {
                failed.put(check.get("name").asText(), check.get("message").asText());
            }
        }
        assertEquals(java.util.Set.of("LeapTest.test_year_divisible_by_100_not_divisible_by_400_in_common_year",
                "LeapTest.test_year_divisible_by_100_but_not_by_3_is_still_not_a_leap_year",
                "LeapTest.test_year_divisible_by_200_not_divisible_by_400_in_common_year"), failed.keySet());
        assertEquals("leap_test.py:26: self.assertIs(leap_year(2100), False)\nAssertionError: True is not False",
                failed.get("LeapTest.test_year_divisible_by_100_not_divisible_by_400_in_common_year"));
    }

    @Test
    void gradeChecksGivesTheTestsTheirSupportFiles() throws IOException {
        String tests = UNITTEST.resolve("wordcount/wordcount_test.py").toString();
        CliRun good = run("grade", "--checks", tests, UNITTEST.resolve("answers/wordcount_good.py").toString());
        assertEquals(0, good.code(), good.out() + good.err());
        CliRun wrong = run("grade", "--checks", tests, UNITTEST.resolve("answers/wordcount_case_sensitive.py")
                .toString(), "--format", "json");
        assertEquals(1, wrong.code(), wrong.out() + wrong.err());
        JsonNode checks = wrong.json().get("checks");
        assertEquals("failed", checks.get(0).get("status").asText(), checks.toString());
        assertTrue(checks.get(0).get("message").asText().startsWith("wordcount_test.py:12: self.assertEqual("
                + "count_words(text), EXPECTED)\nAssertionError: {'the': 2,"), checks.toString());
        assertEquals("passed", checks.get(1).get("status").asText());
        assertEquals("no words in an empty text", checks.get(1).get("description").asText());
    }

    @Test
    void gradeChecksRefusesAModuleItCannotTell() {
        CliRun run = run("grade", "--checks", UNITTEST.resolve("leap/leap_test.py").toString(), "--module", "no-id",
                UNITTEST.resolve("answers/leap_good.py").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--module must be a Python identifier"), run.err());
    }
}
