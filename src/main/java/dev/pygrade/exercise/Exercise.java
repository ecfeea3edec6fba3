package dev.pygrade.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * One exercise folder: metadata, the candidate-facing prompt, the reference solution
 * and the hidden checks. The prompt is public; the checks and the reference are not.
 */
public record Exercise(String id, Path directory, String title, OptionalInt seedQuestion, String level,
                       String module, Limits limits, Capabilities capabilities) {

    public static final String METADATA = "exercise.json";
    public static final String PROMPT = "prompt.md";
    public static final String CHECKS = "checks.py";
    public static final String REFERENCE = "reference.py";
    public static final String REFERENCE_FOLDER = "reference";

    public String prompt() {
        return read(directory.resolve(PROMPT));
    }

    public Path checksFile() {
        return directory.resolve(CHECKS);
    }

    public String checksSource() {
        return read(checksFile());
    }

    /** reference.py, or the reference/ folder for multi-file exercises. */
    public Path reference() {
        Path folder = directory.resolve(REFERENCE_FOLDER);
        return Files.isDirectory(folder) ? folder : directory.resolve(REFERENCE);
    }

    /** The modules its checks and reference import: what a warm context for its gradings holds. */
    public java.util.List<String> imports() {
        return ImportScan.of(this);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
