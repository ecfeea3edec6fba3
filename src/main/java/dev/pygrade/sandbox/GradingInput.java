package dev.pygrade.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * What a session needs: the hidden checks' source, the submission's files keyed by
 * module path ("solution.py", "geometry/__init__.py"), and the module to import.
 */
public record GradingInput(String checksSource, Map<String, CandidateFile> files, String moduleName) {
    public GradingInput {
        Objects.requireNonNull(checksSource);
        files = Map.copyOf(files);
        Objects.requireNonNull(moduleName);
    }

    /** One file of a submission: the name shown to the candidate, and its text. */
    public record CandidateFile(String displayName, String source) {
    }
}
