package dev.pygrade.sandbox;

import java.util.List;

/**
 * Host errors that mean "the sandbox said no", told apart from real GraalPy failures so that
 * a candidate who opens a socket reads why it failed instead of an internal error.
 */
final class Denials {
    private record Denial(String marker, String explanation) {
    }

    private static final List<Denial> KNOWN = List.of(
            new Denial("Creating threads is not allowed",
                    "this exercise does not allow threads; solve it without starting any"),
            new Denial("was excluded", "the sandbox has no network, processes or host access"),
            new Denial("Process creation is not allowed", "the sandbox does not let a submission start processes"),
            new Denial("Operation is not allowed for", "this exercise has no file system"),
            new Denial("UnsupportedPosixFeatureException", "the sandbox has no network, processes or host access"));

    private Denials() {
    }

    /** What to tell the candidate, or null when the message is not a denial. */
    static String explain(String message) {
        if (message == null) {
            return null;
        }
        for (Denial denial : KNOWN) {
            if (message.contains(denial.marker())) {
                return denial.explanation() + " (" + message.strip() + ")";
            }
        }
        return null;
    }
}
