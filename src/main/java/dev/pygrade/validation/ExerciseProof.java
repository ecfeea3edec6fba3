package dev.pygrade.validation;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseException;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.Grading;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionException;
import dev.pygrade.submission.SubmissionReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Proves one exercise folder, step by step: its files and metadata; the reference's full marks
 * and each fixture's recorded result; the same verdicts when graded twice; the same verdicts on
 * CPython; and, on request, checks strong enough to catch mutants of the reference.
 */
public final class ExerciseProof {
    /** What a command shows while an exercise is proven; every method may be left out. */
    public interface Listener {
        default void graded(ExerciseValidator.Case graded) {
        }

        default void mutant(MutationTester.Outcome outcome) {
        }
    }

    private final Grading grading;
    private final Path fixturesRoot;
    private final MutationTester mutation;
    private final CPythonCrossCheck cpython;

    /** mutation and cpython may be null: those steps are then skipped. */
    public ExerciseProof(Grading grading, Path fixturesRoot, MutationTester mutation, CPythonCrossCheck cpython) {
        this.grading = grading;
        this.fixturesRoot = fixturesRoot;
        this.mutation = mutation;
        this.cpython = cpython;
    }

    public ExerciseReport prove(ExerciseRepository repository, String id, ValidationOptions options,
            Listener listener) {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>(MetadataCheck.check(repository.root().resolve(id)));
        List<ExerciseReport.GradedCase> graded = new ArrayList<>();
        MutationReport mutated = null;
        if (findings.isEmpty()) {
            try {
                mutated = grade(repository, id, options, listener, findings, graded);
            } catch (ExerciseException broken) {
                findings.add(new Finding(broken.file(), broken.line(), broken.getMessage()));
            }
        }
        return new ExerciseReport(id, findings, graded, mutated, (System.nanoTime() - started) / 1_000_000);
    }

    private MutationReport grade(ExerciseRepository repository, String id, ValidationOptions options,
            Listener listener, List<Finding> findings, List<ExerciseReport.GradedCase> graded) {
        Exercise exercise = repository.find(id).orElseThrow(() -> new ExerciseException(repository.root().resolve(id),
                0, "not an exercise folder"));
        ExerciseValidator validator = new ExerciseValidator(grading, fixturesRoot);
        FixtureSet fixtures = validator.fixtures(exercise);
        Path expectedFile = fixtures.directory().resolve(FixtureSet.EXPECTED);
        List<ExerciseValidator.Case> cases = new ArrayList<>();
        ExerciseValidator.Case reference = validator.gradeReference(exercise);
        cases.add(reference);
        listener.graded(reference);
        if (options.fixtures()) {
            for (String stray : fixtures.unrecorded()) {
                findings.add(new Finding(fixtures.directory().resolve(stray), 0,
                        "this fixture has no recorded result in " + FixtureSet.EXPECTED));
            }
            for (FixtureExpectation expectation : fixtures.expectations()) {
                if (expectation.setup().workerOnly()) {
                    continue; // it strands a thread in this JVM: proven by the worker-pool tests only
                }
                ExerciseValidator.Case fixture = validator.gradeFixture(exercise, expectation);
                cases.add(fixture);
                listener.graded(fixture);
            }
        }
        for (ExerciseValidator.Case one : cases) {
            graded.add(ExerciseReport.GradedCase.of(one));
            ExerciseValidator.finding(one, expectedFile).ifPresent(findings::add);
        }
        if (options.determinism()) {
            checkDeterminism(exercise, validator, cases, expectedFile, findings);
        }
        if (options.cpython() && cpython != null) {
            for (ExerciseValidator.Case one : cases) {
                cpython.compare(exercise, one, ExerciseValidator.location(one, expectedFile),
                        ExerciseValidator.line(one, expectedFile)).ifPresent(findings::add);
            }
        }
        if (!options.mutation() || mutation == null) {
            return null;
        }
        if (reference.actual() == null || !reference.actual().fullMarks()) {
            findings.add(new Finding(reference.file(), 0, "mutation testing skipped: the reference does not get full marks"));
            return null;
        }
        Submission source;
        try {
            source = SubmissionReader.read(exercise.reference(), exercise.module());
        } catch (SubmissionException unreadable) {
            findings.add(new Finding(exercise.reference(), 0, unreadable.located()));
            return null;
        }
        MutationReport report = mutation.test(exercise, source, reference.actual(), options.mutants(),
                listener::mutant);
        if (options.minMutationScore() != null && report.score() + 1e-9 < options.minMutationScore()) {
            findings.add(new Finding(exercise.checksFile(), 0, String.format(Locale.ROOT,
                    "the checks caught %d of %d mutants of the reference (%.0f%%), under the minimum of %.0f%%;"
                            + " add checks that catch the survivors listed", report.caught(), report.mutants(),
                    100 * report.score(), 100 * options.minMutationScore())));
        }
        return report;
    }

    /** Grades every graded case again: checks must not depend on chance, time or leftovers. */
    private static void checkDeterminism(Exercise exercise, ExerciseValidator validator,
            List<ExerciseValidator.Case> cases, Path expectedFile, List<Finding> findings) {
        for (ExerciseValidator.Case first : cases) {
            if (first.actual() == null) {
                continue;
            }
            ExerciseValidator.Case second = validator.grade(exercise, first.file(), first.expected());
            if (second.actual() == null) {
                continue;
            }
            List<String> differences = Verdict.of(first.actual()).differences(Verdict.of(second.actual()));
            if (!differences.isEmpty()) {
                findings.add(new Finding(ExerciseValidator.location(first, expectedFile),
                        ExerciseValidator.line(first, expectedFile), first.file().getFileName()
                        + ": not deterministic: graded twice, " + String.join("; ", differences)));
            }
        }
    }
}
