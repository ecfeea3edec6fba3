package dev.pygrade.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Something in the submissions folder that is not an answer to grade, and why. */
public record SkippedEntry(@JsonProperty("path") String path, @JsonProperty("reason") String reason) {
}
