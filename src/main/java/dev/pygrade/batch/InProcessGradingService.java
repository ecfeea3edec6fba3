package dev.pygrade.batch;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grader;
import dev.pygrade.submission.Submission;
import java.util.function.Supplier;

/**
 * Grades in this JVM through the shared {@link Grader}. The grader is thread-safe: it keeps no
 * state between gradings, and every grading leases its own fresh context from the shared engine.
 * The grader is fetched on the first grading, so a batch with nothing to grade never starts GraalPy.
 */
public final class InProcessGradingService implements GradingService {
    private final Supplier<Grader> grader;

    public InProcessGradingService(Supplier<Grader> grader) {
        this.grader = grader;
    }

    @Override
    public GradeResult grade(Exercise exercise, Submission submission, Limits limits) {
        return grader.get().grade(exercise, submission, limits);
    }
}
