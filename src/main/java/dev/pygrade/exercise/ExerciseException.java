package dev.pygrade.exercise;

import java.nio.file.Path;

/** A problem with an exercise's files, located like a compiler error. */
public final class ExerciseException extends RuntimeException {
    private final Path file;
    private final int line;

    public ExerciseException(Path file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** "exercises/q09-lru-cache/exercise.json:3: error: unknown key 'titel'". */
    public String located() {
        return file + (line > 0 ? ":" + line : "") + ": error: " + getMessage();
    }
}
