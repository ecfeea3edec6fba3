package dev.pygrade.store;

import dev.pygrade.grading.GradeResult;
import java.time.Instant;

/** A row of results: one grading of a submission, with what produced it. */
public record ResultRecord(long id, long submissionId, Reason reason, Instant gradedAt, GradeResult result,
                           Receipt receipt) {

    /** Why the grading ran: the submission arrived, or an instructor regraded. */
    public enum Reason {
        SUBMISSION("submission"), REGRADE("regrade");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Reason of(String wire) {
            return wire.equals("regrade") ? REGRADE : SUBMISSION;
        }
    }
}
