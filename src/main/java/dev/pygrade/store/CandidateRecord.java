package dev.pygrade.store;

import java.time.Instant;
import java.util.Optional;

/** A row of candidates: one invitation. startedAt is empty until the link is first opened. */
public record CandidateRecord(long id, long assessmentId, String name, String tokenSha256, Instant invitedAt,
                              Optional<Instant> startedAt) {
}
