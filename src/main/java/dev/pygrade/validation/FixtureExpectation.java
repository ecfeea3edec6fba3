package dev.pygrade.validation;

import dev.pygrade.grading.Status;
import java.util.Set;

/**
 * The recorded result of one fixture: its status, its score, and (when given) exactly
 * which checks do not pass, so that a wrong answer loses marks for the right reason.
 */
public record FixtureExpectation(String submission, Status status, double score, Set<String> notPassed) {
    public FixtureExpectation {
        notPassed = notPassed == null ? null : Set.copyOf(notPassed);
    }
}
