package dev.pygrade.cli;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import java.util.List;

/** Finds an exercise by id, or explains which ids exist. */
final class ExerciseLookup {
    private ExerciseLookup() {
    }

    static Exercise require(ExerciseRepository repository, String id) {
        return repository.find(id).orElseThrow(() -> {
            List<String> similar = repository.similarIds(id);
            return new UserError("unknown exercise '" + id + "'"
                    + (similar.isEmpty() ? "" : " (did you mean " + String.join(", ", similar) + "?)")
                    + "; 'pygrade list' shows them all");
        });
    }
}
