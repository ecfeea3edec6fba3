package dev.pygrade.cli;

import dev.pygrade.exercise.ExerciseRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * pygrade new ID: scaffolds an exercise that validates as it stands (a small worked example,
 * every file commented), for the instructor to rewrite file by file.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Scaffolds exercises/ID/ (exercise.json, prompt.md, reference.py, checks.py) and "
                + "fixtures/ID/ (expected.json, a correct alternative, two wrong answers): a worked example that "
                + "'pygrade validate ID' passes, each file commented.",
                "Refuses an id that is not lower-case letters, digits and '-', or that exists."})
final class NewCommand implements Callable<Integer> {
    private static final String TEMPLATES = "/dev/pygrade/scaffold/";
    private static final List<String> EXERCISE_FILES = List.of("exercise.json", "prompt.md", "reference.py",
            "checks.py");
    private static final List<String> FIXTURE_FILES = List.of("expected.json", "alt_statistics.py",
            "wrong_integer_division.py", "wrong_empty_returns_zero.py");

    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The new exercise's id, e.g. q41-moving-average.")
    String id;

    @Override
    public Integer call() {
        if (!ExerciseRepository.validId(id)) {
            throw new UserError("'" + id + "' is not a valid exercise id: use lower-case letters, digits and '-'"
                    + " (e.g. q41-moving-average)");
        }
        ExerciseRepository repository = root.services.exercises(root.exercisesDir);
        Path exercise = repository.root().resolve(id);
        Path fixtures = repository.root().resolveSibling("fixtures").resolve(id);
        for (Path existing : List.of(exercise, fixtures)) {
            if (Files.exists(existing)) {
                throw new UserError(existing + " already exists; choose another id, or edit that exercise");
            }
        }
        try {
            write(exercise, EXERCISE_FILES);
            write(fixtures, FIXTURE_FILES);
        } catch (IOException e) {
            throw new UserError("cannot write the scaffold: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("created " + exercise + "/ (" + String.join(", ", EXERCISE_FILES) + ")");
        out.println("created " + fixtures + "/ (" + String.join(", ", FIXTURE_FILES) + ")");
        out.println("next: rewrite them (docs/authoring.md), then run: pygrade validate " + id + " --mutation");
        out.flush();
        return ExitCode.OK.code();
    }

    private void write(Path folder, List<String> names) throws IOException {
        Files.createDirectories(folder);
        for (String name : names) {
            Files.writeString(folder.resolve(name), template(name).replace("{{ID}}", id), StandardCharsets.UTF_8);
        }
    }

    private static String template(String name) {
        try (InputStream in = NewCommand.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
