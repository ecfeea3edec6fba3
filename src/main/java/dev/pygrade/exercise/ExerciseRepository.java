package dev.pygrade.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The exercises folder: one sub-folder per exercise, named by its id. */
public final class ExerciseRepository {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // exercise.json may explain itself: `pygrade new` writes it with // comments
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_COMMENTS);

    private final Path root;

    public ExerciseRepository(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Every exercise, ordered by id; a broken one throws with its location. */
    public List<Exercise> all() {
        if (!Files.isDirectory(root)) {
            throw new ExerciseException(root, 0, "the exercises folder does not exist");
        }
        List<Exercise> exercises = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList()) {
                exercises.add(load(folder));
            }
        } catch (IOException e) {
            throw new ExerciseException(root, 0, "cannot list the exercises folder: " + e.getMessage());
        }
        return exercises;
    }

    /** Whether {@code id} can name an exercise: lower-case letters, digits and '-'. */
    public static boolean validId(String id) {
        return ID.matcher(id).matches();
    }

    public Optional<Exercise> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path folder = root.resolve(id);
        return Files.isDirectory(folder) ? Optional.of(load(folder)) : Optional.empty();
    }

    /** Ids close to a mistyped one, for "did you mean". */
    public List<String> similarIds(String id) {
        return all().stream().map(Exercise::id)
                .filter(candidate -> candidate.startsWith(id) || id.startsWith(candidate.split("-")[0]))
                .toList();
    }

    private Exercise load(Path folder) {
        String id = folder.getFileName().toString();
        Path metadataFile = folder.resolve(Exercise.METADATA);
        if (!ID.matcher(id).matches()) {
            throw new ExerciseException(folder, 0, "an exercise id uses lower-case letters, digits and '-' only");
        }
        for (String required : List.of(Exercise.METADATA, Exercise.PROMPT, Exercise.CHECKS)) {
            if (!Files.isRegularFile(folder.resolve(required))) {
                throw new ExerciseException(folder.resolve(required), 0, "missing file: every exercise needs "
                        + Exercise.METADATA + ", " + Exercise.PROMPT + " and " + Exercise.CHECKS);
            }
        }
        if (!Files.isRegularFile(folder.resolve(Exercise.REFERENCE))
                && !Files.isDirectory(folder.resolve(Exercise.REFERENCE_FOLDER))) {
            throw new ExerciseException(folder.resolve(Exercise.REFERENCE), 0,
                    "missing reference solution: add reference.py (or a reference/ folder)");
        }
        ExerciseMetadata metadata = readMetadata(metadataFile);
        if (!MODULE.matcher(metadata.module()).matches()) {
            throw new ExerciseException(metadataFile, 0, "\"module\" must be a Python identifier, not '"
                    + metadata.module() + "'");
        }
        var sandbox = metadata.sandbox();
        Capabilities capabilities = sandbox == null ? Capabilities.NONE : new Capabilities(
                Boolean.TRUE.equals(sandbox.threads()), Boolean.TRUE.equals(sandbox.tracing()),
                Boolean.TRUE.equals(sandbox.asyncio()), Boolean.TRUE.equals(sandbox.files()));
        return new Exercise(id, folder, metadata.title(),
                metadata.seedQuestion() == null ? OptionalInt.empty() : OptionalInt.of(metadata.seedQuestion()),
                metadata.level(), metadata.module(), limits(metadataFile, metadata.limits()), capabilities);
    }

    private static ExerciseMetadata readMetadata(Path file) {
        try {
            ExerciseMetadata metadata = JSON.readValue(file.toFile(), ExerciseMetadata.class);
            if (metadata == null) {
                throw new ExerciseException(file, 1, "the file is empty; it must hold a JSON object");
            }
            return metadata;
        } catch (UnrecognizedPropertyException unknown) {
            throw new ExerciseException(file, unknown.getLocation().getLineNr(), "unknown key '"
                    + unknown.getPropertyName() + "' (known keys: " + unknown.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException invalid) {
            int line = invalid.getLocation() == null ? 0 : invalid.getLocation().getLineNr();
            throw new ExerciseException(file, line, invalid.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new ExerciseException(file, 0, "cannot read: " + unreadable.getMessage());
        }
    }

    private static Limits limits(Path file, ExerciseMetadata.LimitsMetadata metadata) {
        if (metadata == null) {
            return Limits.DEFAULT;
        }
        Limits defaults = Limits.DEFAULT;
        try {
            return new Limits(
                    metadata.checkTimeoutSeconds() == null ? defaults.checkTimeout()
                            : seconds(metadata.checkTimeoutSeconds()),
                    metadata.totalTimeoutSeconds() == null ? defaults.totalTimeout()
                            : seconds(metadata.totalTimeoutSeconds()),
                    metadata.maxOutputBytes() == null ? defaults.maxOutputBytes() : metadata.maxOutputBytes(),
                    metadata.memoryMegabytes() == null ? defaults.memoryBytes()
                            : metadata.memoryMegabytes() * 1024L * 1024);
        } catch (IllegalArgumentException invalid) {
            throw new ExerciseException(file, 0, "\"limits\": " + invalid.getMessage());
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
