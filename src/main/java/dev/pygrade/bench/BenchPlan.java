package dev.pygrade.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.batch.BatchTask;
import dev.pygrade.exercise.Exercise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fixed synthetic batch of {@code pygrade bench}: N candidates x every exercise given, each
 * candidate's answer to an exercise picked round-robin (candidate i takes answer i mod k) among
 * that exercise's pool: its reference, then its {@code alt_*} and {@code wrong_*} fixtures by
 * name. Left out: {@code forge_*} fixtures and {@code fixtures/hostile} (they test the sandbox,
 * not grading speed, and CPython has no sandbox), and fixtures whose recorded status in
 * expected.json is {@code timeout} or {@code memory} (they would spend their time limit, and
 * the run time would measure the limits, not the grader). Deterministic: the same exercises
 * and fixtures give the same plan, in the same order (exercise by exercise, candidates in order).
 */
public final class BenchPlan {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNBOUNDED = Set.of("timeout", "memory");

    /** One answer of the pool: the fixture's name ("reference" for the reference) and its path. */
    public record Answer(String name, Path path) {
    }

    /** One grading: a synthetic candidate's answer (a fixture) to an exercise. */
    public record Item(String candidate, Exercise exercise, Answer answer) {
        public BatchTask task() {
            return new BatchTask(candidate, exercise, answer.path());
        }
    }

    private BenchPlan() {
    }

    public static List<Item> build(List<Exercise> exercises, Path fixturesRoot, int candidates) {
        if (candidates < 1) {
            throw new IllegalArgumentException("at least one candidate");
        }
        List<Item> items = new ArrayList<>();
        for (Exercise exercise : exercises) {
            List<Answer> pool = pool(exercise, fixturesRoot.resolve(exercise.id()));
            for (int i = 0; i < candidates; i++) {
                items.add(new Item(String.format("candidate-%03d", i + 1), exercise, pool.get(i % pool.size())));
            }
        }
        return List.copyOf(items);
    }

    /** The reference, then the alt_* and wrong_* fixtures (files or folders) by name, bounded ones only. */
    public static List<Answer> pool(Exercise exercise, Path fixtures) {
        List<Answer> pool = new ArrayList<>();
        pool.add(new Answer("reference", exercise.reference()));
        if (!Files.isDirectory(fixtures)) {
            return pool;
        }
        JsonNode expected = expected(fixtures.resolve("expected.json"));
        try (Stream<Path> entries = Files.list(fixtures)) {
            entries.filter(path -> {
                String name = path.getFileName().toString();
                if (!(name.startsWith("alt_") || name.startsWith("wrong_"))) {
                    return false;
                }
                JsonNode entry = expected.path(name);
                return !UNBOUNDED.contains(entry.path("status").asText(""));
            }).sorted().forEach(path -> pool.add(new Answer(path.getFileName().toString(), path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fixtures, e);
        }
        return pool;
    }

    private static JsonNode expected(Path file) {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
