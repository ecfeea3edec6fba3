package dev.pygrade.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** What an instructor asks for when creating an assessment; checked when built. */
public record AssessmentSpec(String name, List<String> exerciseIds, Duration timeAllowed, Optional<Instant> opensAt,
                             Optional<Instant> closesAt, int attemptsAllowed, FeedbackLevel feedback) {
    /** Time allowed beyond this is a typo, and would overflow the clock's arithmetic. */
    static final Duration MOST_TIME_ALLOWED = Duration.ofDays(366);

    public AssessmentSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an assessment needs a name");
        }
        name = name.strip();
        exerciseIds = List.copyOf(exerciseIds);
        if (exerciseIds.isEmpty()) {
            throw new IllegalArgumentException("an assessment needs at least one exercise");
        }
        if (new HashSet<>(exerciseIds).size() != exerciseIds.size()) {
            throw new IllegalArgumentException("an exercise is listed twice: " + exerciseIds);
        }
        if (timeAllowed.isNegative() || timeAllowed.toSeconds() < 1) {
            throw new IllegalArgumentException("the time allowed must be at least one second");
        }
        if (timeAllowed.compareTo(MOST_TIME_ALLOWED) > 0) {
            throw new IllegalArgumentException("the time allowed must be at most a year (" + MOST_TIME_ALLOWED.toDays()
                    + " days); for an open-ended assessment give a close time instead");
        }
        if (opensAt.isPresent() && closesAt.isPresent() && !opensAt.get().isBefore(closesAt.get())) {
            throw new IllegalArgumentException("the assessment must open before it closes (opens " + opensAt.get()
                    + ", closes " + closesAt.get() + ")");
        }
        if (feedback == FeedbackLevel.NONE_UNTIL_CLOSED && closesAt.isEmpty()) {
            throw new IllegalArgumentException("feedback none_until_closed needs a close time: without one, candidates "
                    + "would never see their results");
        }
        if (attemptsAllowed < 1) {
            throw new IllegalArgumentException("at least one attempt must be allowed");
        }
    }
}
