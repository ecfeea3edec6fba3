package dev.pygrade.grading;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one check ended. */
public enum CheckStatus {
    PASSED("passed"),
    /** An expectation did not hold. */
    FAILED("failed"),
    /** The candidate's code raised where it should not have, or ended the interpreter. */
    ERROR("error"),
    TIMEOUT("timeout"),
    MEMORY("memory"),
    /** Not run: the submission did not load, or the grading ran out of time. */
    SKIPPED("skipped"),
    INTERNAL_ERROR("internal-error");

    private final String wire;

    CheckStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
