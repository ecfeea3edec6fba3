package dev.pygrade.grading;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The result record of one grading: what every reporter writes. Schema:
 * docs/result-schema.md ({@value #SCHEMA}).
 */
@JsonPropertyOrder({"schema", "exercise", "submission", "status", "score", "max_score", "duration_ms", "error",
        "checks"})
public record GradeResult(
        @JsonProperty("exercise") String exercise,
        @JsonProperty("submission") String submission,
        @JsonProperty("status") Status status,
        @JsonProperty("score") double score,
        @JsonProperty("max_score") double maxScore,
        @JsonProperty("duration_ms") long durationMs,
        @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_NULL) Problem error,
        @JsonProperty("checks") List<CheckResult> checks) {

    public static final String SCHEMA = "pygrade.result/2";

    public GradeResult {
        checks = List.copyOf(checks);
    }

    @JsonProperty("schema")
    public String schema() {
        return SCHEMA;
    }

    public boolean fullMarks() {
        return status == Status.PASSED;
    }
}
