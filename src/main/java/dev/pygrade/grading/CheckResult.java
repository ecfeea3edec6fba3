package dev.pygrade.grading;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One check's result, as the candidate sees it. */
public record CheckResult(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("status") CheckStatus status,
        @JsonProperty("score") double score,
        @JsonProperty("max_score") double maxScore,
        @JsonProperty("message") String message,
        @JsonProperty("output") String output) {

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }

    /** Whether the check cost marks: anything but passed, or skipped by its own test (not part of the score). */
    public boolean lost() {
        return status != CheckStatus.PASSED && status != CheckStatus.SKIPPED;
    }
}
