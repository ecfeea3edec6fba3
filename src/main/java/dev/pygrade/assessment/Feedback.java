package dev.pygrade.assessment;

import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.GradeResult;
import java.util.List;
import java.util.Optional;

/**
 * What a candidate sees of one grading, cut to the assessment's feedback level. Never the
 * checks' code, never another candidate's anything. At {@link FeedbackLevel#SCORES} the
 * messages, outputs and error are empty.
 */
public record Feedback(String status, double score, double maxScore, Optional<String> error,
                       List<CheckFeedback> checks) {
    public Feedback {
        checks = List.copyOf(checks);
    }

    /** One check as the candidate sees it; message and output are empty below full feedback. */
    public record CheckFeedback(String name, String description, String status, double score, double maxScore,
                                Optional<String> message, Optional<String> output) {
    }

    /** The feedback a candidate gets at {@code level}; empty when the level shows nothing yet. */
    static Optional<Feedback> of(GradeResult result, FeedbackLevel level, boolean assessmentClosed) {
        boolean full = level == FeedbackLevel.FULL || (level == FeedbackLevel.NONE_UNTIL_CLOSED && assessmentClosed);
        if (!full && level == FeedbackLevel.NONE_UNTIL_CLOSED) {
            return Optional.empty();
        }
        List<CheckFeedback> checks = result.checks().stream().map(check -> check(check, full)).toList();
        Optional<String> error = full && result.error() != null ? Optional.of(result.error().located())
                : Optional.empty();
        return Optional.of(new Feedback(result.status().wire(), result.score(), result.maxScore(), error, checks));
    }

    private static CheckFeedback check(CheckResult check, boolean full) {
        return new CheckFeedback(check.name(), check.description(), check.status().wire(), check.score(),
                check.maxScore(), full ? Optional.of(check.message()) : Optional.empty(),
                full ? Optional.of(check.output()) : Optional.empty());
    }
}
