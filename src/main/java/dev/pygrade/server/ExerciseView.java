package dev.pygrade.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;

/**
 * What the API tells about an exercise: only what a candidate may see. The prompt, never
 * the hidden checks or the reference solution, which this type has no field for.
 */
@JsonPropertyOrder({"id", "title", "seed_question", "level", "module", "file", "package", "limits", "prompt_markdown",
        "prompt_html"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExerciseView(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("seed_question") Integer seedQuestion,
        @JsonProperty("level") String level,
        @JsonProperty("module") String module,
        @JsonProperty("file") String file,
        @JsonProperty("package") boolean packageAnswer,
        @JsonProperty("limits") LimitsView limits,
        @JsonProperty("prompt_markdown") String promptMarkdown,
        @JsonProperty("prompt_html") String promptHtml) {

    /** The limits a grading of this exercise runs under, in plain units. */
    record LimitsView(
            @JsonProperty("check_timeout_seconds") double checkTimeoutSeconds,
            @JsonProperty("total_timeout_seconds") double totalTimeoutSeconds,
            @JsonProperty("max_output_bytes") int maxOutputBytes,
            @JsonProperty("memory_mb") long memoryMegabytes) {
        static LimitsView of(Limits limits) {
            return new LimitsView(limits.checkTimeout().toMillis() / 1000.0, limits.totalTimeout().toMillis() / 1000.0,
                    limits.maxOutputBytes(), limits.memoryBytes() / (1024 * 1024));
        }
    }

    /** For the list: no prompt. */
    static ExerciseView summary(Exercise exercise, Limits limits) {
        return new ExerciseView(exercise.id(), exercise.title(), seed(exercise), exercise.level(), exercise.module(),
                fileOf(exercise), isPackage(exercise), LimitsView.of(limits), null, null);
    }

    static ExerciseView detail(Exercise exercise, Limits limits, PromptRenderer renderer) {
        String markdown = exercise.prompt();
        return new ExerciseView(exercise.id(), exercise.title(), seed(exercise), exercise.level(), exercise.module(),
                fileOf(exercise), isPackage(exercise), LimitsView.of(limits), markdown, renderer.toHtml(markdown));
    }

    /** The file a one-file answer is imported as. */
    private static String fileOf(Exercise exercise) {
        return exercise.module() + ".py";
    }

    /** The answer is a package (module/__init__.py and submodules), sent as JSON "files". */
    private static boolean isPackage(Exercise exercise) {
        return java.nio.file.Files.isDirectory(exercise.reference());
    }

    private static Integer seed(Exercise exercise) {
        return exercise.seedQuestion().isPresent() ? exercise.seedQuestion().getAsInt() : null;
    }
}
