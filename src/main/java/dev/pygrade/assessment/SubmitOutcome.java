package dev.pygrade.assessment;

import java.time.Instant;

/** What became of a candidate's submission: accepted (stored, pending, queued for grading) or refused, and why. */
public sealed interface SubmitOutcome {
    /** Stored as the candidate's {@code attempt}-th attempt at the exercise; its result comes when graded. */
    record Accepted(long submissionId, String exerciseId, int attempt, Instant submittedAt) implements SubmitOutcome {
    }

    /** Not stored. The message is for the candidate. */
    record Refused(Reason reason, String message) implements SubmitOutcome {
    }

    /** Why a submission was refused. */
    enum Reason {
        /** The link matches no invitation. */
        UNKNOWN_LINK,
        /** The exercise is not part of this assessment. */
        UNKNOWN_EXERCISE,
        /** The assessment's window has not opened yet. */
        NOT_OPEN_YET,
        /** The assessment's window has closed. */
        CLOSED,
        /** The candidate's own time is over. */
        TIME_UP,
        /** Every attempt allowed at this exercise is used. */
        NO_ATTEMPTS_LEFT
    }
}
