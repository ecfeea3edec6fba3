package dev.pygrade.sandbox;

import java.util.List;

/**
 * What happened while one check ran: how the check function ended, what the host
 * recorded of its expectations, whether the grader was found tampered with, and
 * what the candidate's code printed.
 */
public record CheckRun(Ending ending, String failureMessage, ExceptionInfo exception, int passedObservations,
                       List<String> failedObservations, String tampering, String output) {
    public CheckRun {
        failedObservations = List.copyOf(failedObservations);
    }

    public enum Ending { RETURNED, FAILED, RAISED }
}
