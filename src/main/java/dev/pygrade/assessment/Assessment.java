package dev.pygrade.assessment;

import dev.pygrade.store.AssessmentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An assessment: its exercises in order, the time each candidate has from first opening their
 * link, an optional window in which it is open, the attempts allowed per exercise, and the
 * feedback candidates see.
 */
public record Assessment(long id, String name, List<String> exerciseIds, Duration timeAllowed,
                         Optional<Instant> opensAt, Optional<Instant> closesAt, int attemptsAllowed,
                         FeedbackLevel feedback, Instant createdAt) {
    public Assessment {
        exerciseIds = List.copyOf(exerciseIds);
    }

    static Assessment of(AssessmentRecord record) {
        return new Assessment(record.id(), record.name(), record.exerciseIds(), record.timeAllowed(), record.opensAt(),
                record.closesAt(), record.attemptsAllowed(), FeedbackLevel.of(record.feedback()), record.createdAt());
    }

    /** Where a candidate who started at {@code startedAt} (if they have) stands at {@code now}. */
    Phase phase(Optional<Instant> startedAt, Instant now) {
        if (opensAt.isPresent() && now.isBefore(opensAt.get())) {
            return Phase.NOT_OPEN_YET;
        }
        if (closesAt.isPresent() && !now.isBefore(closesAt.get())) {
            return Phase.CLOSED;
        }
        if (startedAt.isPresent() && !now.isBefore(startedAt.get().plus(timeAllowed))) {
            return Phase.TIME_UP;
        }
        return Phase.OPEN;
    }

    /** The candidate's deadline once started: their time allowed, or the close if that comes first. */
    Optional<Instant> deadline(Optional<Instant> startedAt) {
        return startedAt.map(start -> {
            Instant own = start.plus(timeAllowed);
            return closesAt.filter(close -> close.isBefore(own)).orElse(own);
        });
    }

    boolean closedAt(Instant now) {
        return closesAt.isPresent() && !now.isBefore(closesAt.get());
    }

    /** Where a candidate stands in an assessment. */
    public enum Phase {
        /** Before the window opens: the link shows when it will, and the clock does not start. */
        NOT_OPEN_YET,
        /** Submissions are accepted. */
        OPEN,
        /** The candidate's own time is over. */
        TIME_UP,
        /** The window has closed for everyone. */
        CLOSED
    }
}
