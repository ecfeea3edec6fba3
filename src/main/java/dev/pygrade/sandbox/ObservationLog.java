package dev.pygrade.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checks observed while one check ran, kept on the host side where candidate
 * code cannot reach it. A check passes only if it observed something and nothing failed.
 */
final class ObservationLog {
    private int passed;
    private final List<String> failures = new ArrayList<>();
    private String tampering;

    synchronized void reset() {
        passed = 0;
        failures.clear();
    }

    synchronized void pass() {
        passed++;
    }

    synchronized void fail(String message) {
        failures.add(message);
    }

    synchronized void tampered(String what) {
        if (tampering == null) {
            tampering = what;
        }
    }

    synchronized int passed() {
        return passed;
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** Once seen, tampering stays recorded for the rest of the session. */
    synchronized String tampering() {
        return tampering;
    }
}
