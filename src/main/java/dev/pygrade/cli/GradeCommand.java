package dev.pygrade.cli;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionException;
import dev.pygrade.submission.SubmissionReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade grade EXERCISE SUBMISSION: grades one answer. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grades one submission (a .py file, a folder or a .zip) against an exercise's hidden checks.")
final class GradeCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXERCISE", description = "Exercise id, as listed by 'pygrade list'.")
    String exerciseId;

    @Parameters(index = "1", paramLabel = "SUBMISSION", description = "The answer: a .py file, a folder or a .zip.")
    Path submissionPath;

    @Mixin
    FormatOption format;

    @Mixin
    LimitOptions limits;

    @Mixin
    IsolationOption isolation;

    @Override
    public Integer call() {
        Exercise exercise = ExerciseLookup.require(root.services.exercises(root.exercisesDir), exerciseId);
        Submission submission;
        try {
            submission = SubmissionReader.read(submissionPath, exercise.module());
        } catch (SubmissionException unreadable) {
            throw new UserError(unreadable.located());
        }
        root.services.spareContexts(0); // one grading: warming a spare would only compete with it
        GradeResult result = root.services.grader(isolation.isolation).grade(exercise, submission, limits.apply(exercise.limits()));
        format.reporter().write(result, spec.commandLine().getOut());
        return exitCode(result).code();
    }

    static ExitCode exitCode(GradeResult result) {
        if (result.status() == Status.INTERNAL_ERROR) {
            return ExitCode.INTERNAL;
        }
        return result.status() == Status.PASSED ? ExitCode.OK : ExitCode.BELOW_FULL_MARKS;
    }
}
