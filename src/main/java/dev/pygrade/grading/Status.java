package dev.pygrade.grading;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a whole grading ended. */
public enum Status {
    /** Full marks. */
    PASSED("passed"),
    /** Graded, below full marks. */
    FAILED("failed"),
    /** The submission could not be graded as written: it does not compile, raised on import, or tampered. */
    ERROR("error"),
    /** A time limit ended the import or a check. */
    TIMEOUT("timeout"),
    /** The submission used too much memory. */
    MEMORY("memory"),
    /** The grader or GraalPy failed: not the candidate's fault. */
    INTERNAL_ERROR("internal-error");

    private final String wire;

    Status(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
