package dev.pygrade.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** instructor_tokens. */
public final class InstructorTokenTable {
    private final Jdbi jdbi;

    public InstructorTokenTable(Database database) {
        this.jdbi = database.jdbi();
    }

    public InstructorTokenRecord insert(String name, String tokenSha256, Instant createdAt) {
        long id = jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO instructor_tokens (name, token_sha256, created_at)
                        VALUES (:name, :token, :created) RETURNING id""")
                .bind("name", name).bind("token", tokenSha256).bind("created", createdAt.toEpochMilli())
                .mapTo(Long.class).one());
        return new InstructorTokenRecord(id, name, tokenSha256, Instant.ofEpochMilli(createdAt.toEpochMilli()),
                Optional.empty());
    }

    public Optional<InstructorTokenRecord> findByToken(String tokenSha256) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM instructor_tokens WHERE token_sha256 = :token")
                .bind("token", tokenSha256).map((row, context) -> read(row)).findOne());
    }

    public List<InstructorTokenRecord> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM instructor_tokens ORDER BY id")
                .map((row, context) -> read(row)).list());
    }

    /** Revokes a token; false when there is no such token or it was revoked already. */
    public boolean revoke(long id, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE instructor_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1);
    }

    private static InstructorTokenRecord read(ResultSet row) throws SQLException {
        return new InstructorTokenRecord(row.getLong("id"), row.getString("name"), row.getString("token_sha256"),
                Times.instant(row, "created_at"), Times.optional(row, "revoked_at"));
    }
}
