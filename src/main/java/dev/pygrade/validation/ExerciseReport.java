package dev.pygrade.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Everything validate found out about one exercise. */
public record ExerciseReport(
        @JsonProperty("exercise") String exercise,
        @JsonProperty("findings") List<Finding> findings,
        @JsonProperty("graded") List<GradedCase> graded,
        @JsonProperty("mutation") @JsonInclude(JsonInclude.Include.NON_NULL) MutationReport mutation,
        @JsonProperty("duration_ms") long durationMs) {

    public ExerciseReport {
        findings = List.copyOf(findings);
        graded = List.copyOf(graded);
    }

    /** One answer graded (reference or fixture) and whether it got its recorded result. */
    public record GradedCase(
            @JsonProperty("file") String file,
            @JsonProperty("status") String status,
            @JsonProperty("score") double score,
            @JsonProperty("max_score") double maxScore,
            @JsonProperty("duration_ms") long durationMs,
            @JsonProperty("matches") boolean matches) {

        static GradedCase of(ExerciseValidator.Case graded) {
            var actual = graded.actual();
            return new GradedCase(graded.file().getFileName().toString(),
                    actual == null ? "not graded" : actual.status().wire(), actual == null ? 0 : actual.score(),
                    actual == null ? 0 : actual.maxScore(), actual == null ? 0 : actual.durationMs(), graded.matches());
        }
    }

    @JsonProperty("valid")
    public boolean valid() {
        return findings.stream().noneMatch(Finding::error);
    }
}
