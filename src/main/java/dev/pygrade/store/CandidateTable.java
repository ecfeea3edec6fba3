package dev.pygrade.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** candidates: the invitations of an assessment. */
public final class CandidateTable {
    private final Jdbi jdbi;

    public CandidateTable(Database database) {
        this.jdbi = database.jdbi();
    }

    public CandidateRecord insert(long assessmentId, String name, String tokenSha256, Instant invitedAt) {
        long id = jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO candidates (assessment_id, name, token_sha256, invited_at)
                        VALUES (:assessment, :name, :token, :invited) RETURNING id""")
                .bind("assessment", assessmentId).bind("name", name).bind("token", tokenSha256)
                .bind("invited", invitedAt.toEpochMilli()).mapTo(Long.class).one());
        return new CandidateRecord(id, assessmentId, name, tokenSha256, Instant.ofEpochMilli(invitedAt.toEpochMilli()),
                Optional.empty());
    }

    /** The candidate whose token hashes to {@code tokenSha256}, if any. */
    public Optional<CandidateRecord> findByToken(String tokenSha256) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM candidates WHERE token_sha256 = :token")
                .bind("token", tokenSha256).map((row, context) -> read(row)).findOne());
    }

    public Optional<CandidateRecord> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM candidates WHERE id = :id")
                .bind("id", id).map((row, context) -> read(row)).findOne());
    }

    public List<CandidateRecord> ofAssessment(long assessmentId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM candidates WHERE assessment_id = :assessment ORDER BY name")
                .bind("assessment", assessmentId).map((row, context) -> read(row)).list());
    }

    public boolean exists(long assessmentId, String name) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM candidates WHERE assessment_id = :assessment AND name = :name")
                .bind("assessment", assessmentId).bind("name", name).mapTo(Long.class).one() > 0);
    }

    /** Starts the candidate's clock unless it has started already; answers the time it started. */
    public Instant start(long candidateId, Instant now) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("UPDATE candidates SET started_at = :now WHERE id = :id AND started_at IS NULL")
                    .bind("now", now.toEpochMilli()).bind("id", candidateId).execute();
            return handle.createQuery("SELECT started_at FROM candidates WHERE id = :id").bind("id", candidateId)
                    .mapTo(Long.class).map(Instant::ofEpochMilli).one();
        });
    }

    private static CandidateRecord read(ResultSet row) throws SQLException {
        return new CandidateRecord(row.getLong("id"), row.getLong("assessment_id"), row.getString("name"),
                row.getString("token_sha256"), Times.instant(row, "invited_at"), Times.optional(row, "started_at"));
    }
}
