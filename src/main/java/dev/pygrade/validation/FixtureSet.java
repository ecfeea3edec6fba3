package dev.pygrade.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.exercise.ExerciseException;
import dev.pygrade.grading.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * fixtures/ID/: submissions beside expected.json, which records the result each must get:
 * {"wrong_no_cache.py": {"status": "timeout", "score": 3, "not_passed": ["large_n"]}}.
 */
public final class FixtureSet {
    public static final String EXPECTED = "expected.json";
    private static final Set<String> KEYS = Set.of("status", "score", "not_passed", "why", "exercise",
            "check_timeout_seconds", "unreadable", "worker_only", "cpython_differs");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.ALLOW_COMMENTS); // as `pygrade new` writes it

    private final Path directory;
    private final List<FixtureExpectation> expectations;

    private FixtureSet(Path directory, List<FixtureExpectation> expectations) {
        this.directory = directory;
        this.expectations = List.copyOf(expectations);
    }

    public Path directory() {
        return directory;
    }

    public List<FixtureExpectation> expectations() {
        return expectations;
    }

    /** Loads fixtures/ID; an absent folder is an empty set. */
    public static FixtureSet load(Path directory) {
        Path file = directory.resolve(EXPECTED);
        if (!Files.isRegularFile(file)) {
            return new FixtureSet(directory, List.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException invalid) {
            JsonLocation location = invalid.getLocation();
            throw new ExerciseException(file, location == null ? 0 : location.getLineNr(), invalid.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new ExerciseException(file, 0, "cannot read: " + unreadable.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ExerciseException(file, 1, "must hold a JSON object: submission name -> expected result");
        }
        List<FixtureExpectation> expectations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            expectations.add(expectation(file, entry.getKey(), entry.getValue()));
        }
        return new FixtureSet(directory, expectations);
    }

    private static FixtureExpectation expectation(Path file, String name, JsonNode node) {
        if (!node.isObject()) {
            throw new ExerciseException(file, 0, "\"" + name + "\" must map to an object with status and score");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new ExerciseException(file, 0, "\"" + name + "\": unknown key '" + key + "' (known: " + KEYS + ")");
            }
        }
        JsonNode status = node.get("status");
        JsonNode score = node.get("score");
        if (status == null || !status.isTextual() || score == null || !score.isNumber()) {
            throw new ExerciseException(file, 0, "\"" + name + "\" needs \"status\" (text) and \"score\" (number)");
        }
        Status parsed = Arrays.stream(Status.values()).filter(s -> s.wire().equals(status.asText())).findFirst()
                .orElseThrow(() -> new ExerciseException(file, 0, "\"" + name + "\": unknown status '"
                        + status.asText() + "'"));
        Set<String> notPassed = null;
        JsonNode list = node.get("not_passed");
        if (list != null) {
            notPassed = new HashSet<>();
            for (JsonNode item : list) {
                notPassed.add(item.asText());
            }
        }
        return new FixtureExpectation(name, parsed, score.asDouble(), notPassed, setup(file, name, node));
    }

    private static FixtureExpectation.Setup setup(Path file, String name, JsonNode node) {
        JsonNode exercise = node.get("exercise");
        JsonNode timeout = node.get("check_timeout_seconds");
        JsonNode unreadable = node.get("unreadable");
        if (exercise != null && !exercise.isTextual()) {
            throw new ExerciseException(file, 0, "\"" + name + "\": \"exercise\" must be an exercise id (text)");
        }
        if (timeout != null && (!timeout.isNumber() || timeout.asDouble() <= 0)) {
            throw new ExerciseException(file, 0, "\"" + name + "\": \"check_timeout_seconds\" must be a positive number");
        }
        if (unreadable != null && !unreadable.isTextual()) {
            throw new ExerciseException(file, 0, "\"" + name
                    + "\": \"unreadable\" must be the text the refusal contains");
        }
        JsonNode workerOnly = node.get("worker_only");
        if (workerOnly != null && !workerOnly.isBoolean()) {
            throw new ExerciseException(file, 0, "\"" + name + "\": \"worker_only\" must be true or false");
        }
        JsonNode cpythonDiffers = node.get("cpython_differs");
        if (cpythonDiffers != null && !cpythonDiffers.isTextual()) {
            throw new ExerciseException(file, 0, "\"" + name
                    + "\": \"cpython_differs\" must say why CPython's verdict differs (text)");
        }
        return new FixtureExpectation.Setup(exercise == null ? null : exercise.asText(),
                timeout == null ? null : Duration.ofMillis(Math.round(timeout.asDouble() * 1000)),
                unreadable == null ? null : unreadable.asText(), workerOnly != null && workerOnly.asBoolean(),
                cpythonDiffers == null ? null : cpythonDiffers.asText());
    }

    /** Submissions in the folder that expected.json does not mention. */
    public List<String> unrecorded() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Set<String> recorded = new HashSet<>();
        expectations.forEach(e -> recorded.add(e.submission()));
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(EXPECTED) && !n.startsWith(".") && !n.equals("README.md"))
                    .filter(n -> !recorded.contains(n)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
