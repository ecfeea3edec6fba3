package dev.pygrade.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.exercise.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Proves an exercise folder's files before anything is graded: every file present, and
 * exercise.json holding only known keys, each of the right type and in range. Every problem
 * is reported (not just the first), with the line of the key it is about.
 */
public final class MetadataCheck {
    /** What a value must be; the JSON text of a key is checked against one of these. */
    enum Kind {
        TEXT("text"), INTEGER("a whole number"), NUMBER("a number"), BOOLEAN("true or false"), OBJECT("an object");

        final String words;

        Kind(String words) {
            this.words = words;
        }

        boolean accepts(JsonNode node) {
            return switch (this) {
                case TEXT -> node.isTextual();
                case INTEGER -> node.isIntegralNumber();
                case NUMBER -> node.isNumber();
                case BOOLEAN -> node.isBoolean();
                case OBJECT -> node.isObject();
            };
        }
    }

    private static final Map<String, Kind> TOP = ordered("title", Kind.TEXT, "seed_question", Kind.INTEGER,
            "level", Kind.TEXT, "module", Kind.TEXT, "limits", Kind.OBJECT, "sandbox", Kind.OBJECT);
    private static final Map<String, Kind> LIMITS = ordered("check_timeout_seconds", Kind.NUMBER,
            "total_timeout_seconds", Kind.NUMBER, "max_output_bytes", Kind.INTEGER, "memory_mb", Kind.INTEGER);
    private static final Map<String, Kind> SANDBOX = ordered("threads", Kind.BOOLEAN, "tracing", Kind.BOOLEAN,
            "asyncio", Kind.BOOLEAN, "files", Kind.BOOLEAN);
    private static final Set<String> REQUIRED = Set.of("title", "level", "module");
    private static final Set<String> LEVELS = Set.of("2 years", "3 years", "5 years", "10 years");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.ALLOW_COMMENTS);

    private MetadataCheck() {
    }

    /** Every problem of the exercise folder's files; empty when the folder can be loaded and graded. */
    public static List<Finding> check(Path folder) {
        List<Finding> findings = new ArrayList<>();
        for (String required : List.of(Exercise.METADATA, Exercise.PROMPT, Exercise.CHECKS)) {
            if (!Files.isRegularFile(folder.resolve(required))) {
                findings.add(new Finding(folder.resolve(required), 0, "missing file: every exercise needs "
                        + Exercise.METADATA + ", " + Exercise.PROMPT + ", " + Exercise.CHECKS + " and a reference"));
            }
        }
        if (!Files.isRegularFile(folder.resolve(Exercise.REFERENCE))
                && !Files.isDirectory(folder.resolve(Exercise.REFERENCE_FOLDER))) {
            findings.add(new Finding(folder.resolve(Exercise.REFERENCE), 0,
                    "missing reference solution: add reference.py (or a reference/ folder)"));
        }
        Path metadata = folder.resolve(Exercise.METADATA);
        if (Files.isRegularFile(metadata)) {
            findings.addAll(checkMetadata(metadata));
        }
        return findings;
    }

    static List<Finding> checkMetadata(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException unreadable) {
            return List.of(new Finding(file, 0, "cannot read: " + unreadable.getMessage()));
        }
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = JSON.readTree(text);
            lines = JsonKeyLines.of(text);
        } catch (JsonProcessingException invalid) {
            int line = invalid.getLocation() == null ? 0 : invalid.getLocation().getLineNr();
            return List.of(new Finding(file, line, "not valid JSON: " + invalid.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return List.of(new Finding(file, 1, "must hold a JSON object"));
        }
        List<Finding> findings = new ArrayList<>();
        Located at = new Located(file, lines, findings);
        checkKeys(at, "", root, TOP);
        for (String key : REQUIRED) {
            if (!root.has(key)) {
                findings.add(new Finding(file, lines.getOrDefault("", 1), "missing required key \"" + key + "\""));
            }
        }
        if (root.path("level").isTextual() && !LEVELS.contains(root.get("level").asText())) {
            at.error("level", "\"level\" must be one of " + new java.util.TreeSet<>(LEVELS) + ", not \""
                    + root.get("level").asText() + "\"");
        }
        if (root.path("module").isTextual() && !MODULE.matcher(root.get("module").asText()).matches()) {
            at.error("module", "\"module\" must be a Python identifier, not \"" + root.get("module").asText() + "\"");
        }
        if (root.path("seed_question").isIntegralNumber() && root.get("seed_question").asInt() < 1) {
            at.error("seed_question", "\"seed_question\" must be 1 or more");
        }
        if (root.path("limits").isObject()) {
            checkKeys(at, "limits.", root.get("limits"), LIMITS);
            checkLimits(at, root.get("limits"));
        }
        if (root.path("sandbox").isObject()) {
            checkKeys(at, "sandbox.", root.get("sandbox"), SANDBOX);
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return findings;
    }

    private static void checkKeys(Located at, String prefix, JsonNode object, Map<String, Kind> known) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = prefix + entry.getKey();
            Kind kind = known.get(entry.getKey());
            if (kind == null) {
                at.error(path, "unknown key \"" + path + "\" (known keys" + (prefix.isEmpty() ? "" : " in \""
                        + prefix.substring(0, prefix.length() - 1) + "\"") + ": " + String.join(", ", known.keySet())
                        + ")");
            } else if (!kind.accepts(entry.getValue())) {
                at.error(path, "\"" + path + "\" must be " + kind.words + ", not " + entry.getValue());
            }
        }
    }

    private static void checkLimits(Located at, JsonNode limits) {
        positive(at, limits, "check_timeout_seconds");
        positive(at, limits, "total_timeout_seconds");
        positive(at, limits, "max_output_bytes");
        JsonNode check = limits.get("check_timeout_seconds");
        JsonNode total = limits.get("total_timeout_seconds");
        if (check != null && total != null && check.isNumber() && total.isNumber()
                && total.asDouble() < check.asDouble()) {
            at.error("limits.total_timeout_seconds",
                    "\"limits.total_timeout_seconds\" must be at least \"limits.check_timeout_seconds\"");
        }
        JsonNode memory = limits.get("memory_mb");
        if (memory != null && memory.isIntegralNumber() && memory.asLong() < 16) {
            at.error("limits.memory_mb", "\"limits.memory_mb\" must be at least 16");
        }
    }

    private static void positive(Located at, JsonNode limits, String key) {
        JsonNode value = limits.get(key);
        if (value != null && value.isNumber() && value.asDouble() <= 0) {
            at.error("limits." + key, "\"limits." + key + "\" must be positive");
        }
    }

    private static Map<String, Kind> ordered(Object... pairs) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return map;
    }

    /** Adds findings at the line of a key. */
    private record Located(Path file, Map<String, Integer> lines, List<Finding> findings) {
        void error(String path, String message) {
            findings.add(new Finding(file, lines.getOrDefault(path, 0), message));
        }
    }
}
