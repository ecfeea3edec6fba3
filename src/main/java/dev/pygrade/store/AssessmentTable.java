package dev.pygrade.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** assessments and assessment_exercises. */
public final class AssessmentTable {
    private final Jdbi jdbi;

    public AssessmentTable(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Inserts an assessment and its exercises in one transaction; answers it with its id. */
    public AssessmentRecord insert(String name, List<String> exerciseIds, Duration timeAllowed,
                                   Optional<Instant> opensAt, Optional<Instant> closesAt, int attemptsAllowed,
                                   String feedback, Instant createdAt) {
        return jdbi.inTransaction(handle -> {
            long id = handle.createQuery("""
                            INSERT INTO assessments (name, time_allowed_seconds, opens_at, closes_at, attempts_allowed,
                                                     feedback, created_at)
                            VALUES (:name, :seconds, :opens, :closes, :attempts, :feedback, :created) RETURNING id""")
                    .bind("name", name).bind("seconds", timeAllowed.toSeconds())
                    .bind("opens", Times.millis(opensAt)).bind("closes", Times.millis(closesAt))
                    .bind("attempts", attemptsAllowed).bind("feedback", feedback)
                    .bind("created", createdAt.toEpochMilli())
                    .mapTo(Long.class).one();
            for (int i = 0; i < exerciseIds.size(); i++) {
                handle.createUpdate("INSERT INTO assessment_exercises (assessment_id, ordinal, exercise_id) "
                                + "VALUES (:id, :ordinal, :exercise)")
                        .bind("id", id).bind("ordinal", i).bind("exercise", exerciseIds.get(i)).execute();
            }
            return new AssessmentRecord(id, name, exerciseIds, Duration.ofSeconds(timeAllowed.toSeconds()), opensAt
                    .map(AssessmentTable::toMillisPrecision), closesAt.map(AssessmentTable::toMillisPrecision),
                    attemptsAllowed, feedback, toMillisPrecision(createdAt));
        });
    }

    public Optional<AssessmentRecord> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM assessments WHERE id = :id")
                .bind("id", id).map((row, context) -> read(handle, row)).findOne());
    }

    /** Every assessment, newest first. */
    public List<AssessmentRecord> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM assessments ORDER BY id DESC")
                .map((row, context) -> read(handle, row)).list());
    }

    private static AssessmentRecord read(Handle handle, ResultSet row) throws SQLException {
        long id = row.getLong("id");
        List<String> exercises = new ArrayList<>(handle.createQuery(
                        "SELECT exercise_id FROM assessment_exercises WHERE assessment_id = :id ORDER BY ordinal")
                .bind("id", id).mapTo(String.class).list());
        return new AssessmentRecord(id, row.getString("name"), exercises,
                Duration.ofSeconds(row.getLong("time_allowed_seconds")), Times.optional(row, "opens_at"),
                Times.optional(row, "closes_at"), row.getInt("attempts_allowed"), row.getString("feedback"),
                Times.instant(row, "created_at"));
    }

    private static Instant toMillisPrecision(Instant time) {
        return Instant.ofEpochMilli(time.toEpochMilli());
    }
}
