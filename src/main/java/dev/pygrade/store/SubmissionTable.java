package dev.pygrade.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.report.JsonReporter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * submissions and results. A submission is inserted pending; a grader claims it with a lease
 * (an owner and a time it runs out), and records its result only while it still holds that
 * lease, in the same transaction that marks it graded. A grader that died leaves a lease that
 * runs out, and the submission can be claimed again: none is lost, none is graded twice over.
 */
public final class SubmissionTable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<SubmissionRecord.StoredFile>> FILES = new TypeReference<>() {
    };
    private static final int INSERT_RETRIES = 5;

    private final Jdbi jdbi;

    public SubmissionTable(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * Inserts the candidate's next attempt at an exercise, pending; empty when the candidate has
     * used {@code attemptsAllowed} already. Two submissions racing for the last attempt cannot
     * both get it: (candidate, exercise, attempt) is unique.
     */
    public Optional<SubmissionRecord> insertNext(long candidateId, String exerciseId, int attemptsAllowed, String label,
                                                 List<SubmissionRecord.StoredFile> files, Instant submittedAt) {
        String filesJson = write(files);
        for (int tries = 1; ; tries++) {
            try {
                return jdbi.inTransaction(handle -> {
                    int used = attemptsUsed(handle, candidateId, exerciseId);
                    if (used >= attemptsAllowed) {
                        return Optional.<SubmissionRecord>empty();
                    }
                    long id = handle.createQuery("""
                                    INSERT INTO submissions (candidate_id, exercise_id, attempt, label, files, submitted_at,
                                                             status)
                                    VALUES (:candidate, :exercise, :attempt, :label, :files, :at, 'pending') RETURNING id""")
                            .bind("candidate", candidateId).bind("exercise", exerciseId).bind("attempt", used + 1)
                            .bind("label", label).bind("files", filesJson).bind("at", submittedAt.toEpochMilli())
                            .mapTo(Long.class).one();
                    return Optional.of(new SubmissionRecord(id, candidateId, exerciseId, used + 1, label, files,
                            Instant.ofEpochMilli(submittedAt.toEpochMilli()), SubmissionStatus.PENDING));
                });
            } catch (UnableToExecuteStatementException failed) {
                if (!uniqueViolation(failed) || tries >= INSERT_RETRIES) {
                    throw failed;
                }
                // another submission took this attempt number between our count and our insert: count again
            }
        }
    }

    /** PostgreSQL's unique_violation (23505); SQLite's SQLITE_CONSTRAINT_UNIQUE. */
    private static boolean uniqueViolation(UnableToExecuteStatementException failed) {
        return failed.getCause() instanceof java.sql.SQLException cause && ("23505".equals(cause.getSQLState())
                || String.valueOf(cause.getMessage()).contains("UNIQUE constraint failed"));
    }

    public int attemptsUsed(long candidateId, String exerciseId) {
        return jdbi.withHandle(handle -> attemptsUsed(handle, candidateId, exerciseId));
    }

    private static int attemptsUsed(Handle handle, long candidateId, String exerciseId) {
        return handle.createQuery("SELECT COALESCE(MAX(attempt), 0) FROM submissions "
                        + "WHERE candidate_id = :candidate AND exercise_id = :exercise")
                .bind("candidate", candidateId).bind("exercise", exerciseId).mapTo(Integer.class).one();
    }

    public Optional<SubmissionRecord> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM submissions WHERE id = :id").bind("id", id)
                .map((row, context) -> read(row)).findOne());
    }

    /** A candidate's submissions, oldest first. */
    public List<SubmissionRecord> ofCandidate(long candidateId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM submissions WHERE candidate_id = :candidate ORDER BY id")
                .bind("candidate", candidateId).map((row, context) -> read(row)).list());
    }

    /** Every submission to an assessment, oldest first. */
    public List<SubmissionRecord> ofAssessment(long assessmentId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT s.* FROM submissions s JOIN candidates c ON c.id = s.candidate_id
                        WHERE c.assessment_id = :assessment ORDER BY s.id""")
                .bind("assessment", assessmentId).map((row, context) -> read(row)).list());
    }

    /** Pending submissions that no live grader holds (never claimed, or whose lease ran out), oldest first. */
    public List<Long> claimable(Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM submissions
                        WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < :now)
                        ORDER BY id LIMIT :limit""")
                .bind("now", now.toEpochMilli()).bind("limit", limit).mapTo(Long.class).list());
    }

    public int pendingCount() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM submissions WHERE status = 'pending'")
                .mapTo(Integer.class).one());
    }

    /** Takes a pending submission for {@code owner} until {@code until}; false when another grader holds it or it is graded. */
    public boolean claim(long id, String owner, Instant until, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE submissions SET lease_owner = :owner, lease_until = :until
                        WHERE id = :id AND status = 'pending' AND (lease_until IS NULL OR lease_until < :now)""")
                .bind("owner", owner).bind("until", until.toEpochMilli()).bind("id", id)
                .bind("now", now.toEpochMilli()).execute() == 1);
    }

    /** Extends every lease {@code owner} holds on a pending submission to {@code until}: a live grader's heartbeat. */
    public int renew(String owner, Instant until) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE submissions SET lease_until = :until WHERE lease_owner = :owner AND status = 'pending'")
                .bind("until", until.toEpochMilli()).bind("owner", owner).execute());
    }

    /** Gives back every lease {@code owner} holds, so that another grader may take those submissions at once. */
    public int releaseAll(String owner) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE submissions SET lease_owner = NULL, lease_until = NULL "
                                + "WHERE lease_owner = :owner AND status = 'pending'")
                .bind("owner", owner).execute());
    }

    /**
     * Records the first result of a submission and marks it graded, if {@code owner} still holds
     * its lease; false (and nothing written) when it does not: the lease ran out and another
     * grader took the submission.
     */
    public boolean recordGraded(long id, String owner, GradeResult result, Receipt receipt, Instant gradedAt) {
        return jdbi.inTransaction(handle -> {
            int marked = handle.createUpdate("""
                            UPDATE submissions SET status = 'graded', lease_owner = NULL, lease_until = NULL
                            WHERE id = :id AND status = 'pending' AND lease_owner = :owner""")
                    .bind("id", id).bind("owner", owner).execute();
            if (marked != 1) {
                return false;
            }
            insertResult(handle, id, ResultRecord.Reason.SUBMISSION, result, receipt, gradedAt);
            return true;
        });
    }

    /** Records a regrade of a graded submission: its current result from now on. */
    public ResultRecord recordRegrade(long id, GradeResult result, Receipt receipt, Instant gradedAt) {
        return jdbi.inTransaction(handle -> insertResult(handle, id, ResultRecord.Reason.REGRADE, result, receipt,
                gradedAt));
    }

    private static ResultRecord insertResult(Handle handle, long submissionId, ResultRecord.Reason reason,
                                             GradeResult result, Receipt receipt, Instant gradedAt) {
        long resultId = handle.createQuery("""
                        INSERT INTO results (submission_id, reason, graded_at, status, score, max_score, duration_ms,
                                             checks_json, result_json, checks_sha256, prompt_sha256, limits_sha256,
                                             code_sha256, pygrade_version)
                        VALUES (:submission, :reason, :at, :status, :score, :max, :duration, :checks, :result,
                                :checksSha, :promptSha, :limitsSha, :codeSha, :version) RETURNING id""")
                .bind("submission", submissionId).bind("reason", reason.wire()).bind("at", gradedAt.toEpochMilli())
                .bind("status", result.status().wire()).bind("score", result.score())
                .bind("max", result.maxScore()).bind("duration", result.durationMs())
                .bind("checks", write(result.checks())).bind("result", JsonReporter.toJson(result))
                .bind("checksSha", receipt.checksSha256()).bind("promptSha", receipt.promptSha256())
                .bind("limitsSha", receipt.limitsSha256()).bind("codeSha", receipt.codeSha256())
                .bind("version", receipt.pygradeVersion())
                .mapTo(Long.class).one();
        return new ResultRecord(resultId, submissionId, reason, Instant.ofEpochMilli(gradedAt.toEpochMilli()), result,
                receipt);
    }

    /** A submission's current result: its latest grading. */
    public Optional<ResultRecord> currentResult(long submissionId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM results WHERE submission_id = :submission ORDER BY id DESC LIMIT 1")
                .bind("submission", submissionId).map((row, context) -> readResult(row)).findOne());
    }

    /** Every grading of a submission, oldest first. */
    public List<ResultRecord> history(long submissionId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM results WHERE submission_id = :submission ORDER BY id")
                .bind("submission", submissionId).map((row, context) -> readResult(row)).list());
    }

    /** The current result of every graded submission to an assessment, by submission id. */
    public Map<Long, ResultRecord> currentResults(long assessmentId) {
        List<ResultRecord> rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT r.* FROM results r
                        JOIN submissions s ON s.id = r.submission_id
                        JOIN candidates c ON c.id = s.candidate_id
                        WHERE c.assessment_id = :assessment
                          AND r.id = (SELECT MAX(latest.id) FROM results latest WHERE latest.submission_id = r.submission_id)""")
                .bind("assessment", assessmentId).map((row, context) -> readResult(row)).list());
        Map<Long, ResultRecord> bySubmission = new HashMap<>();
        rows.forEach(row -> bySubmission.put(row.submissionId(), row));
        return bySubmission;
    }

    private static SubmissionRecord read(ResultSet row) throws SQLException {
        List<SubmissionRecord.StoredFile> files;
        try {
            files = JSON.readValue(row.getString("files"), FILES);
        } catch (JsonProcessingException corrupt) {
            throw new SQLException("submission " + row.getLong("id") + ": its files are not valid JSON", corrupt);
        }
        return new SubmissionRecord(row.getLong("id"), row.getLong("candidate_id"), row.getString("exercise_id"),
                row.getInt("attempt"), row.getString("label"), files, Times.instant(row, "submitted_at"),
                SubmissionStatus.of(row.getString("status")));
    }

    private static ResultRecord readResult(ResultSet row) throws SQLException {
        GradeResult result;
        try {
            result = JSON.readValue(row.getString("result_json"), GradeResult.class);
        } catch (JsonProcessingException corrupt) {
            throw new SQLException("result " + row.getLong("id") + ": not a pygrade.result/2 object", corrupt);
        }
        Receipt receipt = new Receipt(row.getString("checks_sha256"), row.getString("prompt_sha256"),
                row.getString("limits_sha256"), row.getString("code_sha256"), row.getString("pygrade_version"));
        return new ResultRecord(row.getLong("id"), row.getLong("submission_id"),
                ResultRecord.Reason.of(row.getString("reason")), Times.instant(row, "graded_at"), result, receipt);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain records always serialize", e);
        }
    }
}
