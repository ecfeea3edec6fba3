package dev.pygrade.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pygrade.exercise.Limits;
import dev.pygrade.submission.Submission;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One grading sent to a worker process: where the exercise is, the answer, the limits. */
record GradingJob(
        @JsonProperty("id") long id,
        @JsonProperty("exercises") String exercisesDir,
        @JsonProperty("exercise") String exerciseId,
        @JsonProperty("label") String label,
        @JsonProperty("files") Map<String, File> files,
        @JsonProperty("check_ms") long checkMillis,
        @JsonProperty("total_ms") long totalMillis,
        @JsonProperty("max_output") int maxOutputBytes,
        @JsonProperty("memory") long memoryBytes) {

    record File(@JsonProperty("display") String displayName, @JsonProperty("text") String text) {
    }

    static GradingJob of(long id, String exercisesDir, String exerciseId, Submission submission, Limits limits) {
        Map<String, File> files = new LinkedHashMap<>();
        submission.files().forEach((path, file) -> files.put(path, new File(file.displayName(), file.text())));
        return new GradingJob(id, exercisesDir, exerciseId, submission.label(), files,
                limits.checkTimeout().toMillis(), limits.totalTimeout().toMillis(), limits.maxOutputBytes(),
                limits.memoryBytes());
    }

    Submission submission() {
        Map<String, Submission.SourceFile> sources = new LinkedHashMap<>();
        files.forEach((path, file) -> sources.put(path, new Submission.SourceFile(file.displayName(), file.text())));
        return new Submission(label, sources);
    }

    Limits limits() {
        return new Limits(Duration.ofMillis(checkMillis), Duration.ofMillis(totalMillis), maxOutputBytes,
                memoryBytes);
    }
}
