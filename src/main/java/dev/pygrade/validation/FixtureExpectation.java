package dev.pygrade.validation;

import dev.pygrade.grading.Status;
import java.time.Duration;
import java.util.Set;

/**
 * The recorded result of one fixture: its status, its score, and (when given) exactly
 * which checks do not pass, so that a wrong answer loses marks for the right reason.
 */
public record FixtureExpectation(String submission, Status status, double score, Set<String> notPassed,
        Setup setup) {
    public FixtureExpectation {
        notPassed = notPassed == null ? null : Set.copyOf(notPassed);
        setup = setup == null ? Setup.DEFAULT : setup;
    }

    public FixtureExpectation(String submission, Status status, double score, Set<String> notPassed) {
        this(submission, status, score, notPassed, Setup.DEFAULT);
    }

    /**
     * How a fixture is graded, where it differs from its folder's defaults: the exercise it is
     * graded against (fixtures/hostile/ mixes them), a shorter time limit per check (so that
     * endless loops cost the suite little), the reason the submission must be refused unread,
     * or that it may only be graded in a worker JVM (it strands a thread that cannot be stopped),
     * and why its verdict on CPython is known to differ from GraalPy's (validate's cross-check
     * then reports the difference as expected, not as a warning).
     */
    public record Setup(String exercise, Duration checkTimeout, String unreadable, boolean workerOnly,
            String cpythonDiffers) {
        public static final Setup DEFAULT = new Setup(null, null, null, false, null);

        public Setup(String exercise, Duration checkTimeout, String unreadable, boolean workerOnly) {
            this(exercise, checkTimeout, unreadable, workerOnly, null);
        }
    }
}
