package dev.pygrade.batch;

import dev.pygrade.exercise.Exercise;
import java.nio.file.Path;

/** One answer to grade: whose, for which exercise, and where it lies (a .py, a folder or a .zip). */
public record BatchTask(String candidate, Exercise exercise, Path path) {
    public PairKey key() {
        return new PairKey(candidate, exercise.id());
    }

    /** The name shown in results: "alice/q09-lru-cache.py", never a host path beyond it. */
    public String label() {
        return candidate + "/" + path.getFileName();
    }
}
