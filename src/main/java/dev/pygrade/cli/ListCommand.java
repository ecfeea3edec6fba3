package dev.pygrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pygrade.exercise.Exercise;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade list: the exercises, without their checks. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the exercises: id, seed question, level, title.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        List<Exercise> exercises = root.services.exercises(root.exercisesDir).all();
        PrintWriter out = spec.commandLine().getOut();
        if (format.format == FormatOption.Format.json) {
            ArrayNode array = new ObjectMapper().createArrayNode();
            for (Exercise exercise : exercises) {
                var node = array.addObject().put("id", exercise.id()).put("title", exercise.title())
                        .put("level", exercise.level());
                exercise.seedQuestion().ifPresentOrElse(q -> node.put("seed_question", q),
                        () -> node.putNull("seed_question"));
            }
            out.println(array);
        } else {
            int width = exercises.stream().mapToInt(e -> e.id().length()).max().orElse(2);
            out.printf(Locale.ROOT, "%-" + width + "s  %-4s  %-9s  %s%n", "ID", "SEED", "LEVEL", "TITLE");
            for (Exercise exercise : exercises) {
                String seed = exercise.seedQuestion().isPresent() ? "Q" + exercise.seedQuestion().getAsInt() : "-";
                out.printf(Locale.ROOT, "%-" + width + "s  %-4s  %-9s  %s%n", exercise.id(), seed, exercise.level(),
                        exercise.title());
            }
            out.println(exercises.size() + " exercises");
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
