package dev.pygrade.grading;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.submission.Submission;

/**
 * The one grading path, as every entry point sees it: in this JVM ({@link Grader}) or in
 * worker JVMs ({@code dev.pygrade.worker.WorkerPool}), the same result record comes back.
 */
@FunctionalInterface
public interface Grading {
    GradeResult grade(Exercise exercise, Submission submission, Limits limits);
}
