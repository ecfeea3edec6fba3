package dev.pygrade.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A row of assessments with its exercises, in order. feedback is the stored wire name. */
public record AssessmentRecord(long id, String name, List<String> exerciseIds, Duration timeAllowed,
                               Optional<Instant> opensAt, Optional<Instant> closesAt, int attemptsAllowed,
                               String feedback, Instant createdAt) {
    public AssessmentRecord {
        exerciseIds = List.copyOf(exerciseIds);
    }
}
