package dev.pygrade.batch;

import dev.pygrade.report.SkippedEntry;
import dev.pygrade.exercise.Exercise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Lays out a submissions folder as {@code <candidate>/<exercise-id>.py}, {@code <exercise-id>/} or
 * {@code <exercise-id>.zip}. Anything else is skipped with its reason; hidden entries (".git",
 * ".DS_Store") are ignored. Nothing is read here: an unreadable answer is still a task, and
 * becomes an error record when it is graded.
 */
public final class SubmissionScanner {
    private final Function<String, Optional<Exercise>> exercises;
    private final Set<String> only;
    private final Map<String, Optional<Exercise>> cache = new HashMap<>();

    /** only: the exercise ids to keep; empty keeps every exercise. */
    public SubmissionScanner(Function<String, Optional<Exercise>> exercises, Set<String> only) {
        this.exercises = exercises;
        this.only = Set.copyOf(only);
    }

    public BatchPlan scan(Path root) {
        return scan(root, null);
    }

    /** As {@link #scan(Path)}, leaving out {@code results} (a results folder kept inside SUBMISSIONS). */
    public BatchPlan scan(Path root, Path results) {
        List<BatchTask> tasks = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        for (Path entry : list(root)) {
            String name = entry.getFileName().toString();
            if (results != null && same(entry, results)) {
                continue;
            }
            if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                skipped.add(new SkippedEntry(name, Files.isSymbolicLink(entry)
                        ? "a symbolic link, not a candidate folder"
                        : "not a candidate folder (expected <candidate>/<exercise-id>.py)"));
                continue;
            }
            scanCandidate(name, entry, tasks, skipped);
        }
        return new BatchPlan(tasks, skipped);
    }

    private void scanCandidate(String candidate, Path folder, List<BatchTask> tasks, List<SkippedEntry> skipped) {
        Map<String, Path> seen = new HashMap<>();
        for (Path entry : list(folder)) {
            String name = entry.getFileName().toString();
            String shown = candidate + "/" + name;
            String id = exerciseId(name, Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS));
            Optional<Exercise> exercise = cache.computeIfAbsent(id, exercises);
            if (exercise.isEmpty()) {
                skipped.add(new SkippedEntry(shown, "not named after an exercise (expected <exercise-id>.py, "
                        + "<exercise-id>/ or <exercise-id>.zip; 'pygrade list' shows the ids)"));
                continue;
            }
            if (!only.isEmpty() && !only.contains(id)) {
                continue;
            }
            Path earlier = seen.putIfAbsent(id, entry);
            if (earlier != null) {
                skipped.add(new SkippedEntry(shown, "a second answer to " + id + "; graded "
                        + candidate + "/" + earlier.getFileName() + " instead"));
                continue;
            }
            tasks.add(new BatchTask(candidate, exercise.get(), entry));
        }
    }

    /** "q09-lru-cache.py" and "q09-lru-cache.zip" answer q09-lru-cache; so does a folder of that name. */
    static String exerciseId(String name, boolean folder) {
        if (folder) {
            return name;
        }
        for (String suffix : List.of(".py", ".zip")) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Entries sorted by name, hidden ones and macOS zip litter left out. */
    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals("__MACOSX"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
