package dev.pygrade.cli;

import dev.pygrade.exercise.Exercise;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade show ID: the candidate-facing prompt, never the checks or the reference. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Prints an exercise's prompt (Markdown).")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXERCISE", description = "Exercise id, as listed by 'pygrade list'.")
    String exerciseId;

    @Override
    public Integer call() {
        Exercise exercise = ExerciseLookup.require(root.services.exercises(root.exercisesDir), exerciseId);
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + exercise.title());
        out.println();
        out.println("Exercise " + exercise.id() + " (" + exercise.level()
                + (exercise.seedQuestion().isPresent() ? ", seed question " + exercise.seedQuestion().getAsInt() : "")
                + "). Your answer is imported as the module `" + exercise.module() + "`.");
        out.println();
        out.print(exercise.prompt());
        out.flush();
        return ExitCode.OK.code();
    }
}
