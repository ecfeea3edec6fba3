package dev.pygrade.cli;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.UnittestExercise;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionException;
import dev.pygrade.submission.SubmissionReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade grade EXERCISE SUBMISSION, or grade --checks foo_test.py SUBMISSION: grades one answer. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grades one submission (a .py file, a folder or a .zip) against an exercise's hidden checks.",
                "With --checks, against an existing unittest file instead (no exercise needed): each test method "
                        + "is a check of weight 1; files beside the test file are available to the tests."})
final class GradeCommand implements Callable<Integer> {
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "EXERCISE SUBMISSION",
            description = "Exercise id (as listed by 'pygrade list'; left out with --checks), then the answer: "
                    + "a .py file, a folder or a .zip.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--checks", paramLabel = "TEST_FILE",
            description = "A unittest file to grade against instead of an exercise (e.g. leap_test.py).")
    Path checks;

    @Option(names = "--module", paramLabel = "NAME",
            description = "With --checks: the name the tests import the answer as (default: from the test file's "
                    + "name, leap_test.py or test_leap.py -> leap).")
    String module;

    @Mixin
    FormatOption format;

    @Mixin
    LimitOptions limits;

    @Mixin
    IsolationOption isolation;

    @Override
    public Integer call() {
        if (checks != null) {
            return gradeAgainstUnittest();
        }
        if (module != null) {
            throw new UserError("--module goes with --checks (an exercise names its own module)");
        }
        if (arguments.size() != 2) {
            throw new UserError("give an exercise id and a submission (or --checks TEST_FILE and a submission)");
        }
        Exercise exercise = ExerciseLookup.require(root.services.exercises(root.exercisesDir), arguments.get(0));
        return report(exercise, read(Path.of(arguments.get(1)), exercise.module()));
    }

    private int gradeAgainstUnittest() {
        if (arguments.size() != 1) {
            throw new UserError("with --checks, give only the submission (the test file stands for the exercise)");
        }
        String name = module != null ? module : moduleOf(checks.getFileName().toString());
        if (!MODULE.matcher(name).matches()) {
            throw new UserError("--module must be a Python identifier, not '" + name + "'");
        }
        Path answer = Path.of(arguments.get(0));
        Submission submission = read(answer, name);
        try (UnittestExercise tests = UnittestExercise.of(checks, name, answer)) {
            return report(tests.exercise(), tests.withSupport(submission));
        }
    }

    /** leap_test.py or test_leap.py -> leap. */
    static String moduleOf(String testFile) {
        String stem = testFile.endsWith(".py") ? testFile.substring(0, testFile.length() - 3) : testFile;
        if (stem.endsWith("_test")) {
            return stem.substring(0, stem.length() - "_test".length());
        }
        if (stem.startsWith("test_")) {
            return stem.substring("test_".length());
        }
        throw new UserError("cannot tell the module from '" + testFile + "': give --module NAME");
    }

    private static Submission read(Path path, String moduleName) {
        try {
            return SubmissionReader.read(path, moduleName);
        } catch (SubmissionException unreadable) {
            throw new UserError(unreadable.located());
        }
    }

    private int report(Exercise exercise, Submission submission) {
        root.services.spareContexts(0); // one grading: warming a spare would only compete with it
        GradeResult result = root.services.grader(isolation.isolation).grade(exercise, submission,
                limits.apply(exercise.limits()));
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
