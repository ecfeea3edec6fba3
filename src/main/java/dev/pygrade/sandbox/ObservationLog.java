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
    private String skipped;
    private boolean onlyErrors = true;

    synchronized void reset() {
        passed = 0;
        failures.clear();
        skipped = null;
        onlyErrors = true;
    }

    /** The test skipped itself (a unittest skip): it is not part of the score unless something failed. */
    synchronized void skip(String reason) {
        if (skipped == null) {
            skipped = reason;
        }
    }

    /** Why the check's test skipped itself, or null. */
    synchronized String skipped() {
        return skipped;
    }

    synchronized void pass() {
        passed++;
    }

    synchronized void fail(String message) {
        failures.add(message);
        onlyErrors = false;
    }

    /** A failure that was an error (the test raised something other than an assertion failure). */
    synchronized void error(String message) {
        failures.add(message);
    }

    /** Whether every failure recorded was an error. */
    synchronized boolean onlyErrors() {
        return !failures.isEmpty() && onlyErrors;
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
