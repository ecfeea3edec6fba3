package dev.pygrade.assessment;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Problem;
import dev.pygrade.grading.Status;
import dev.pygrade.store.Receipt;
import dev.pygrade.store.SubmissionRecord;
import dev.pygrade.submission.Submission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Grades one stored submission through {@link Grading}, the one grading path, against the
 * exercise as it is now in the repository, and says what produced the result. A grading that
 * cannot run (the exercise is gone, the grader threw) gives an internal-error result rather than
 * leaving the submission pending forever.
 */
final class SubmissionGrading {
    private final ExerciseRepository exercises;
    private final Grading grading;
    private final Function<Exercise, Limits> limits;

    SubmissionGrading(ExerciseRepository exercises, Grading grading, Function<Exercise, Limits> limits) {
        this.exercises = exercises;
        this.grading = grading;
        this.limits = limits;
    }

    /** A result and its receipt. */
    record Graded(GradeResult result, Receipt receipt) {
    }

    Graded grade(SubmissionRecord stored) {
        Optional<Exercise> found = exercises.find(stored.exerciseId());
        if (found.isEmpty()) {
            return new Graded(internalError(stored, "the exercise " + stored.exerciseId()
                    + " is no longer in the exercises folder"), missingReceipt(stored));
        }
        Exercise exercise = found.get();
        Limits applied = limits.apply(exercise);
        Receipt receipt = Receipts.of(exercise, applied, stored.files());
        try {
            return new Graded(grading.grade(exercise, toSubmission(stored), applied), receipt);
        } catch (RuntimeException failed) {
            return new Graded(internalError(stored, "the grader failed: " + failed), receipt);
        }
    }

    /** The stored files as they were accepted (read and checked by SubmissionReader then). */
    static Submission toSubmission(SubmissionRecord stored) {
        Map<String, Submission.SourceFile> files = new LinkedHashMap<>();
        stored.files().forEach(file -> files.put(file.path(), new Submission.SourceFile(file.name(), file.text())));
        return new Submission(stored.label(), files);
    }

    /** A submission as it is stored: each file's module path, the name the candidate knows, its text. */
    static List<SubmissionRecord.StoredFile> toStored(Submission submission) {
        return submission.files().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new SubmissionRecord.StoredFile(entry.getKey(), entry.getValue().displayName(),
                        entry.getValue().text()))
                .toList();
    }

    /** A grading that could not run: no checks, and why, for the instructor (the candidate's fault it is not). */
    private static GradeResult internalError(SubmissionRecord stored, String message) {
        return new GradeResult(stored.exerciseId(), stored.label(), Status.INTERNAL_ERROR, 0, 0, 0,
                Problem.of(Problem.Kind.INTERNAL, message), List.of());
    }

    private static Receipt missingReceipt(SubmissionRecord stored) {
        String none = Secrets.sha256("");
        return new Receipt(none, none, none, Secrets.sha256(Receipts.codeText(stored.files())), Receipts.version());
    }
}
