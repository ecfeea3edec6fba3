package dev.pygrade.store;

import java.time.Instant;
import java.util.Optional;

/** A row of instructor_tokens: a bearer token's name and hash; revoked tokens are kept, refused. */
public record InstructorTokenRecord(long id, String name, String tokenSha256, Instant createdAt,
                                    Optional<Instant> revokedAt) {
}
