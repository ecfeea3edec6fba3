package dev.pygrade.cli;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.validation.ExerciseValidator;
import dev.pygrade.validation.Finding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade validate [ID...]: proves exercises before they are published. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Proves exercises: the reference scores full marks and every fixture gets its recorded result.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    IsolationOption isolation;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Exercises to validate (default: all).")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() {
        ExerciseRepository repository = root.services.exercises(root.exercisesDir);
        List<Exercise> exercises = ids.isEmpty() ? repository.all()
                : ids.stream().map(id -> ExerciseLookup.require(repository, id)).toList();
        PrintWriter out = spec.commandLine().getOut();
        ExerciseValidator validator = new ExerciseValidator(root.services.grader(isolation.isolation),
                repository.root().resolveSibling("fixtures"));
        List<Finding> findings = new ArrayList<>();
        for (Exercise exercise : exercises) {
            out.println(exercise.id());
            out.flush();
            findings.addAll(validator.validate(exercise, graded -> {
                out.printf("  %-4s %s%s%n", graded.matches() ? "ok" : "BAD", graded.file().getFileName(),
                        graded.actual() == null ? "" : " (" + graded.actual().status().wire() + ", "
                                + graded.actual().score() + "/" + graded.actual().maxScore() + ", "
                                + graded.actual().durationMs() + " ms)");
                out.flush();
            }));
        }
        for (Finding finding : findings) {
            out.println(finding.located());
        }
        out.println(findings.isEmpty() ? "all " + exercises.size() + " exercise(s) valid"
                : findings.size() + " problem(s) found");
        out.flush();
        return findings.isEmpty() ? ExitCode.OK.code() : ExitCode.BELOW_FULL_MARKS.code();
    }
}
