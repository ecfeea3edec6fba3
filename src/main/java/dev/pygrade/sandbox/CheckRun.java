package dev.pygrade.sandbox;

import java.util.List;

/**
 * What happened while one check ran: how the check function ended, what the host
 * recorded of its expectations, whether the grader was found tampered with, whether the
 * failures were all errors (a unittest test that raised), whether the check's unittest test skipped itself (skipReason, else null), and what the candidate's
 * code printed.
 */
public record CheckRun(Ending ending, String failureMessage, ExceptionInfo exception, int passedObservations,
                       List<String> failedObservations, boolean onlyErrors, String tampering, String skipReason,
                       String output) {
    public CheckRun {
        failedObservations = List.copyOf(failedObservations);
    }

    public enum Ending { RETURNED, FAILED, RAISED }
}
