package dev.pygrade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims, leases and the fence on recording a result: what makes a crashed grader's work safe to redo. */
class SubmissionTableTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Receipt RECEIPT = new Receipt("c", "p", "l", "k", "development");

    @TempDir
    Path dir;
    Database database;
    SubmissionTable submissions;
    long id;

    @BeforeEach
    void oneSubmission() {
        database = Database.open(DatabaseLocation.sqliteIn(dir));
        long assessment = new AssessmentTable(database).insert("a", List.of("q"), Duration.ofHours(1), Optional.empty(),
                Optional.empty(), 1, "full", NOW).id();
        long candidate = new CandidateTable(database).insert(assessment, "ada", "hash", NOW).id();
        submissions = new SubmissionTable(database);
        id = submissions.insertNext(candidate, "q", 1, "solution.py",
                List.of(new SubmissionRecord.StoredFile("solution.py", "solution.py", "x = 1\n")), NOW).orElseThrow().id();
        assertTrue(submissions.insertNext(candidate, "q", 1, "solution.py",
                List.of(new SubmissionRecord.StoredFile("solution.py", "solution.py", "x = 2\n")), NOW).isEmpty(),
                "one attempt allowed");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static GradeResult result(double score) {
        return new GradeResult("q", "solution.py", Status.FAILED, score, 10, 1, null, List.of());
    }

    @Test
    void aLiveLeaseKeepsOthersOutAndAnExpiredOneLetsThemIn() {
        assertEquals(List.of(id), submissions.claimable(NOW, 10));
        assertTrue(submissions.claim(id, "a", NOW.plusSeconds(30), NOW));
        assertFalse(submissions.claim(id, "b", NOW.plusSeconds(30), NOW.plusSeconds(10)), "a holds it");
        assertEquals(List.of(), submissions.claimable(NOW.plusSeconds(10), 10));
        assertEquals(1, submissions.renew("a", NOW.plusSeconds(60)), "a's heartbeat");
        assertFalse(submissions.claim(id, "b", NOW.plusSeconds(90), NOW.plusSeconds(45)), "renewed: a still holds it");
        assertEquals(List.of(id), submissions.claimable(NOW.plusSeconds(61), 10), "a stopped renewing");
        assertTrue(submissions.claim(id, "b", NOW.plusSeconds(91), NOW.plusSeconds(61)));
    }

    @Test
    void aGraderThatLostItsLeaseRecordsNothingAndTheSubmissionIsGradedOnce() {
        assertTrue(submissions.claim(id, "a", NOW.plusSeconds(30), NOW));
        assertTrue(submissions.claim(id, "b", NOW.plusSeconds(90), NOW.plusSeconds(31)));
        assertFalse(submissions.recordGraded(id, "a", result(1), RECEIPT, NOW.plusSeconds(40)), "a's lease is gone");
        assertEquals(SubmissionStatus.PENDING, submissions.find(id).orElseThrow().status());
        assertTrue(submissions.recordGraded(id, "b", result(7), RECEIPT, NOW.plusSeconds(41)));
        assertFalse(submissions.recordGraded(id, "b", result(8), RECEIPT, NOW.plusSeconds(42)), "graded once");
        assertEquals(SubmissionStatus.GRADED, submissions.find(id).orElseThrow().status());
        List<ResultRecord> history = submissions.history(id);
        assertEquals(1, history.size());
        assertEquals(7.0, history.get(0).result().score());
        assertEquals(RECEIPT, history.get(0).receipt());
        assertFalse(submissions.claim(id, "c", NOW.plusSeconds(500), NOW.plusSeconds(400)), "graded: nothing to claim");
    }

    @Test
    void givingLeasesBackLetsAnotherTakeThemAtOnce() {
        assertTrue(submissions.claim(id, "a", NOW.plusSeconds(3600), NOW));
        assertEquals(1, submissions.releaseAll("a"));
        assertTrue(submissions.claim(id, "b", NOW.plusSeconds(30), NOW.plusSeconds(1)));
    }
}
