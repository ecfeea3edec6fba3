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
    /** The test skipped itself (a unittest skip): reported, and not part of the score (max_score 0). */
    SKIPPED("skipped"),
    /** Not run: the submission did not load, or the grading ran out of time. */
    NOT_RUN("not-run"),
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
