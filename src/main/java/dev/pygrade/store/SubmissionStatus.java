package dev.pygrade.store;

import java.util.Locale;

/** A submission is written pending, before it is graded, and becomes graded with its first result. */
public enum SubmissionStatus {
    PENDING, GRADED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubmissionStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
