package dev.pygrade.exercise;

import com.fasterxml.jackson.annotation.JsonProperty;

/** exercise.json, as written by an instructor. Every key is documented in docs/authoring.md. */
public record ExerciseMetadata(
        @JsonProperty(value = "title", required = true) String title,
        @JsonProperty(value = "seed_question") Integer seedQuestion,
        @JsonProperty(value = "level", required = true) String level,
        @JsonProperty(value = "module", required = true) String module,
        @JsonProperty("limits") LimitsMetadata limits,
        @JsonProperty("sandbox") SandboxMetadata sandbox) {

    /** Optional limits; what is left out falls back to pygrade's defaults. */
    public record LimitsMetadata(
            @JsonProperty("check_timeout_seconds") Double checkTimeoutSeconds,
            @JsonProperty("total_timeout_seconds") Double totalTimeoutSeconds,
            @JsonProperty("max_output_bytes") Integer maxOutputBytes,
            @JsonProperty("memory_mb") Integer memoryMegabytes) {
    }

    /** Capabilities beyond the default of none. */
    public record SandboxMetadata(
            @JsonProperty("threads") Boolean threads,
            @JsonProperty("tracing") Boolean tracing,
            @JsonProperty("asyncio") Boolean asyncio,
            @JsonProperty("files") Boolean files) {
    }
}
