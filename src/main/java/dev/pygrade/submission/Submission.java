package dev.pygrade.submission;

import java.util.Map;

/**
 * A candidate's answer: its files keyed by module path ("solution.py",
 * "geometry/shapes.py"), each with the name the candidate knows it by.
 */
public record Submission(String label, Map<String, SourceFile> files) {
    public Submission {
        files = Map.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a submission has at least one file");
        }
    }

    /** One file: the name shown in feedback, and its text. */
    public record SourceFile(String displayName, String text) {
    }

    /** A single-file answer imported as {@code module}. */
    public static Submission ofSource(String label, String module, String text) {
        return new Submission(label, Map.of(module + ".py", new SourceFile(label, text)));
    }
}
