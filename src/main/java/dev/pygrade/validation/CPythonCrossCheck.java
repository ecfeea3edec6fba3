package dev.pygrade.validation;

import dev.pygrade.cpython.CPythonRunner;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Grades an answer once more on plain CPython (python3 on the PATH, through
 * {@link CPythonRunner}, with the same checks and checks API) and reports a verdict that
 * differs from GraalPy's. A difference is a warning: it may be a check that leans on GraalPy's
 * behaviour, or GraalPy's own difference (then expected.json records it as "cpython_differs").
 */
public final class CPythonCrossCheck {
    private final CPythonRunner runner;

    public CPythonCrossCheck(CPythonRunner runner) {
        this.runner = runner;
    }

    /**
     * Whether an answer may be run on CPython at all: the runner has no isolation and no memory
     * limit, so only the reference and ordinary fixtures go (alt_*, wrong_*), never forgeries,
     * attacks, answers refused unread, memory bombs, or answers that strand threads.
     */
    public static boolean eligible(FixtureExpectation expected) {
        String name = expected.submission();
        FixtureExpectation.Setup setup = expected.setup();
        return (name.equals("reference") || name.startsWith("alt_") || name.startsWith("wrong_"))
                && setup.unreadable() == null && !setup.workerOnly() && expected.status() != Status.MEMORY;
    }

    /**
     * The finding for one graded case, if any. {@code where}/{@code line}: what the finding
     * points at (the fixture's entry in expected.json, or the reference file).
     */
    public Optional<Finding> compare(Exercise exercise, ExerciseValidator.Case graded, Path where, int line) {
        GradeResult graal = graded.actual();
        if (graal == null || !eligible(graded.expected())) {
            return Optional.empty();
        }
        GradeResult cpython = runner.grade(exercise, graded.file(), graded.file().getFileName().toString());
        String known = graded.expected().setup().cpythonDiffers();
        if (cpython.status() == Status.INTERNAL_ERROR) {
            return Optional.of(Finding.warning(where, line, graded.file().getFileName()
                    + ": CPython cross-check could not run: "
                    + (cpython.error() == null ? "no result" : cpython.error().located())));
        }
        List<String> differences = Verdict.of(graal).differences(Verdict.of(cpython));
        if (differences.isEmpty()) {
            return known == null ? Optional.empty() : Optional.of(Finding.warning(where, line,
                    graded.file().getFileName() + ": \"cpython_differs\" is recorded, but CPython and GraalPy agree"));
        }
        if (known != null) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning(where, line, graded.file().getFileName()
                + ": GraalPy and CPython disagree (GraalPy first): " + String.join("; ", differences)
                + " (if this is GraalPy's own difference, say why in expected.json: \"cpython_differs\")"));
    }
}
