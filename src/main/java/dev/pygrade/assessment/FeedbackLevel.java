package dev.pygrade.assessment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How much of a grading a candidate sees. */
public enum FeedbackLevel {
    /** Every check's status, score, message and output, and why the submission failed to load. */
    FULL("full"),
    /** The score and each check's status and score; no messages, output or error text. */
    SCORES("scores"),
    /** Nothing but "received" until the assessment closes; everything (as FULL) after. */
    NONE_UNTIL_CLOSED("none_until_closed");

    private final String wire;

    FeedbackLevel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static FeedbackLevel of(String wire) {
        for (FeedbackLevel level : values()) {
            if (level.wire.equals(wire)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown feedback level '" + wire + "' (expected one of "
                + Arrays.stream(values()).map(FeedbackLevel::wire).collect(Collectors.joining(", ")) + ")");
    }
}
