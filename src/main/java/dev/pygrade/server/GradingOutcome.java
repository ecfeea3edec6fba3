package dev.pygrade.server;

import dev.pygrade.grading.GradeResult;

/** How a submission's trip through the grading queue ended, as the HTTP layer answers it. */
sealed interface GradingOutcome {
    /** Graded: the result, whatever its status, is the answer (200). */
    record Graded(GradeResult result) implements GradingOutcome {
    }

    /** The queue is full, or the submission waited in it too long: try again later (429). */
    record Busy(long retryAfterSeconds) implements GradingOutcome {
    }

    /** The server is shutting down and takes no new gradings (503). */
    record ShuttingDown() implements GradingOutcome {
    }

    /** The grading did not answer within its limits plus a margin: the request gives up (503). */
    record Overdue(long retryAfterSeconds) implements GradingOutcome {
    }
}
