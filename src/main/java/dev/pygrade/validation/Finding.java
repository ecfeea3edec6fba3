package dev.pygrade.validation;

import java.nio.file.Path;

/** One problem found while validating an exercise, located like a compiler error. */
public record Finding(Path file, int line, String message) {
    public String located() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
