package dev.pygrade.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What produced a stored result: SHA-256 (hex) of the exercise's checks source, its prompt and
 * the limits the grading ran under, of the code graded, and pygrade's version. Two gradings with
 * equal receipts ran the same checks on the same code.
 */
public record Receipt(@JsonProperty("checks_sha256") String checksSha256,
                      @JsonProperty("prompt_sha256") String promptSha256,
                      @JsonProperty("limits_sha256") String limitsSha256,
                      @JsonProperty("code_sha256") String codeSha256,
                      @JsonProperty("pygrade_version") String pygradeVersion) {

    /** The names of the parts that differ from {@code other}'s: "checks", "prompt", "limits", "code", "pygrade". */
    public List<String> changedFrom(Receipt other) {
        List<String> changed = new ArrayList<>();
        if (!checksSha256.equals(other.checksSha256)) {
            changed.add("checks");
        }
        if (!promptSha256.equals(other.promptSha256)) {
            changed.add("prompt");
        }
        if (!limitsSha256.equals(other.limitsSha256)) {
            changed.add("limits");
        }
        if (!codeSha256.equals(other.codeSha256)) {
            changed.add("code");
        }
        if (!pygradeVersion.equals(other.pygradeVersion)) {
            changed.add("pygrade");
        }
        return changed;
    }
}
