package dev.pygrade.batch;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.submission.Submission;

/**
 * The one seam every batch grading goes through. Implementations must be safe to call from
 * several threads at once: the batch runner calls it from each of its workers. Today's
 * implementation grades in this JVM ({@link InProcessGradingService}); one that hands gradings
 * to worker JVMs can take its place without the batch noticing.
 */
public interface GradingService extends AutoCloseable {
    GradeResult grade(Exercise exercise, Submission submission, Limits limits);

    @Override
    default void close() {
    }
}
