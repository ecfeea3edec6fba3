package dev.pygrade.validation;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionException;
import dev.pygrade.submission.SubmissionReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Proves an exercise: its reference solution scores full marks, and every fixture gets
 * the result recorded for it. Used by `pygrade validate` and by the test suite.
 */
public final class ExerciseValidator {
    private final Grading grader;
    private final Path fixturesRoot;

    public ExerciseValidator(Grading grader, Path fixturesRoot) {
        this.grader = grader;
        this.fixturesRoot = fixturesRoot;
    }

    /** One graded case: what was expected, what came out, and whether they agree. */
    public record Case(Path file, FixtureExpectation expected, GradeResult actual, String mismatch) {
        public boolean matches() {
            return mismatch == null;
        }
    }

    public List<Case> cases(Exercise exercise, Consumer<Case> progress) {
        List<Case> cases = new ArrayList<>();
        Case reference = gradeReference(exercise);
        progress.accept(reference);
        cases.add(reference);
        for (FixtureExpectation expectation : fixtures(exercise).expectations()) {
            Case graded = gradeFixture(exercise, expectation);
            progress.accept(graded);
            cases.add(graded);
        }
        return cases;
    }

    public List<Finding> validate(Exercise exercise, Consumer<Case> progress) {
        List<Finding> findings = new ArrayList<>();
        FixtureSet fixtures = FixtureSet.load(fixturesRoot.resolve(exercise.id()));
        Path expectedFile = fixtures.directory().resolve(FixtureSet.EXPECTED);
        for (String stray : fixtures.unrecorded()) {
            findings.add(new Finding(fixtures.directory().resolve(stray), 0,
                    "this fixture has no recorded result in " + FixtureSet.EXPECTED));
        }
        for (Case graded : cases(exercise, progress)) {
            finding(graded, expectedFile).ifPresent(findings::add);
        }
        return findings;
    }

    /** The mismatch of one case as a finding: at the reference file, or at the fixture's entry in expected.json. */
    public static java.util.Optional<Finding> finding(Case graded, Path expectedFile) {
        if (graded.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(location(graded, expectedFile), line(graded, expectedFile),
                graded.file().getFileName() + ": " + graded.mismatch()));
    }

    /** Where a finding about a case points: the reference file itself, or expected.json. */
    public static Path location(Case graded, Path expectedFile) {
        return isReference(graded) ? graded.file() : expectedFile;
    }

    /** The line of the case's entry in expected.json (0 for the reference). */
    public static int line(Case graded, Path expectedFile) {
        return isReference(graded) ? 0 : JsonKeyLines.lineOf(expectedFile, graded.expected().submission());
    }

    private static boolean isReference(Case graded) {
        return graded.expected().submission().equals("reference");
    }

    /** The reference solution as a case that must get full marks. */
    public Case gradeReference(Exercise exercise) {
        return grade(exercise, exercise.reference(), new FixtureExpectation("reference", Status.PASSED, -1, Set.of()));
    }

    /** Grades one fixture of the exercise against its recorded expectation. */
    public Case gradeFixture(Exercise exercise, FixtureExpectation expectation) {
        return grade(exercise, fixturesRoot.resolve(exercise.id()).resolve(expectation.submission()), expectation);
    }

    public FixtureSet fixtures(Exercise exercise) {
        return FixtureSet.load(fixturesRoot.resolve(exercise.id()));
    }

    /** Grades {@code file} (anywhere) against {@code exercise} and compares with what is expected. */
    public Case grade(Exercise exercise, Path file, FixtureExpectation expected) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Case(file, expected, null, "the fixture file does not exist");
        }
        String refusal = expected.setup().unreadable();
        Submission submission;
        try {
            submission = SubmissionReader.read(file, exercise.module());
        } catch (SubmissionException unreadable) {
            boolean asExpected = refusal != null && unreadable.located().contains(refusal);
            return new Case(file, expected, null, asExpected ? null
                    : "refused unread (" + unreadable.located() + ")"
                    + (refusal == null ? "" : ", expected a refusal saying '" + refusal + "'"));
        }
        if (refusal != null) {
            return new Case(file, expected, null, "was read, expected a refusal saying '" + refusal + "'");
        }
        Limits limits = expected.setup().checkTimeout() == null ? exercise.limits()
                : exercise.limits().withCheckTimeout(expected.setup().checkTimeout());
        GradeResult result = grader.grade(exercise, submission, limits);
        return new Case(file, expected, result, mismatch(expected, result));
    }

    static String mismatch(FixtureExpectation expected, GradeResult result) {
        Set<String> notPassed = result.checks().stream().filter(CheckResult::lost).map(CheckResult::name)
                .collect(Collectors.toCollection(TreeSet::new));
        double expectedScore = expected.score() < 0 ? result.maxScore() : expected.score();
        List<String> problems = new ArrayList<>();
        if (result.status() != expected.status()) {
            problems.add("status " + result.status().wire() + ", expected " + expected.status().wire());
        }
        if (Math.abs(result.score() - expectedScore) > 1e-9) {
            problems.add(String.format(Locale.ROOT, "score %s, expected %s", trim(result.score()), trim(expectedScore)));
        }
        if (expected.notPassed() != null && !notPassed.equals(new TreeSet<>(expected.notPassed()))) {
            problems.add("checks not passed " + notPassed + ", expected " + new TreeSet<>(expected.notPassed()));
        }
        if (problems.isEmpty()) {
            return null;
        }
        String details = result.checks().stream().filter(CheckResult::lost)
                .map(c -> c.name() + " [" + c.status().wire() + "]: " + firstLine(c.message()))
                .collect(Collectors.joining("; "));
        String error = result.error() == null ? "" : " (error: " + firstLine(result.error().located()) + ")";
        return String.join(", ", problems) + error + (details.isEmpty() ? "" : " -- " + details);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
