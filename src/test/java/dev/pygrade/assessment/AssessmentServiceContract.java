package dev.pygrade.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.Grading;
import dev.pygrade.store.Database;
import dev.pygrade.store.DatabaseLocation;
import dev.pygrade.store.ResultRecord;
import dev.pygrade.store.SubmissionRecord;
import dev.pygrade.store.SubmissionStatus;
import dev.pygrade.store.SubmissionTable;
import dev.pygrade.submission.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assessment service's rules, run against each database: {@link AssessmentServiceTest} on
 * SQLite, {@link AssessmentServicePostgresIT} on a real PostgreSQL server. Gradings here are
 * {@link FakeGrading}s (the rules, not GraalPy, are under test) except in the one test that
 * grades through the real grader.
 */
abstract class AssessmentServiceContract {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String Q09 = "q09-lru-cache";
    static final String Q01 = "q01-gil-threaded-io";
    static final String GOOD = "def f(n):\n    return n\n";
    static final String SLOW = "import time\ndef f(n):\n    time.sleep(1)\n    return n\n";

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(T0);
    ExerciseRepository exercises;
    Database database;
    final List<AssessmentService> services = new ArrayList<>();

    /** A new, empty database for one test. */
    abstract DatabaseLocation location(Path folder);

    @BeforeEach
    void openDatabase() throws IOException {
        Path folder = dir.resolve("exercises");
        for (String id : List.of(Q09, Q01)) {
            copy(TestSandbox.home().resolve("exercises").resolve(id), folder.resolve(id));
        }
        exercises = new ExerciseRepository(folder);
        database = Database.open(location(dir.resolve("data")));
    }

    @AfterEach
    void closeAll() {
        services.forEach(service -> service.close(Duration.ofSeconds(5)));
        database.close();
    }

    AssessmentService service(Grading grading) {
        return service(grading, settings());
    }

    ServiceSettings settings() {
        return ServiceSettings.defaults().withClock(clock).withGrading(2, 8)
                .withLease(Duration.ofMillis(1500), Duration.ofMillis(200))
                .withLog(new java.io.PrintWriter(System.err, true));
    }

    AssessmentService service(Grading grading, ServiceSettings settings) {
        AssessmentService service = new AssessmentService(database, exercises, grading, settings);
        services.add(service);
        service.start();
        return service;
    }

    static AssessmentSpec spec(Duration time, int attempts, FeedbackLevel feedback) {
        return new AssessmentSpec("Week 1", List.of(Q09, Q01), time, Optional.empty(), Optional.empty(), attempts,
                feedback);
    }

    static Submission answer(String code) {
        return Submission.ofSource("solution.py", "solution", code);
    }

    static SubmitOutcome.Accepted accepted(SubmitOutcome outcome) {
        return assertInstanceOf(SubmitOutcome.Accepted.class, outcome, () -> outcome.toString());
    }

    static SubmitOutcome.Refused refused(SubmitOutcome outcome, SubmitOutcome.Reason reason) {
        SubmitOutcome.Refused refused = assertInstanceOf(SubmitOutcome.Refused.class, outcome, () -> outcome.toString());
        assertEquals(reason, refused.reason(), refused.message());
        return refused;
    }

    static ResultRecord graded(AssessmentService service, long submissionId) throws InterruptedException {
        return service.awaitGraded(submissionId, Duration.ofSeconds(240))
                .orElseThrow(() -> new AssertionError("submission " + submissionId + " was not graded in 240 s"));
    }

    @Test
    void anAssessmentIsStoredAsCreatedAndUnknownExercisesAreRefused() {
        AssessmentService service = service(new FakeGrading());
        Assessment created = service.create(new AssessmentSpec("Week 1", List.of(Q01, Q09), Duration.ofMinutes(45),
                Optional.of(T0), Optional.of(T0.plus(Duration.ofDays(2))), 3, FeedbackLevel.SCORES));
        assertEquals(created, service.assessment(created.id()));
        assertEquals(List.of(Q01, Q09), service.assessment(created.id()).exerciseIds());
        AssessmentException unknown = assertThrows(AssessmentException.class, () -> service.create(
                new AssessmentSpec("x", List.of(Q09, "q99-nope"), Duration.ofMinutes(5), Optional.empty(),
                        Optional.empty(), 1, FeedbackLevel.FULL)));
        assertTrue(unknown.getMessage().contains("q99-nope"), unknown.getMessage());
        assertEquals(AssessmentException.Kind.NOT_FOUND,
                assertThrows(AssessmentException.class, () -> service.assessment(created.id() + 1000)).kind());
    }

    @Test
    void eachCandidateGetsAnUnguessableLinkThatIsStoredOnlyAsItsHash() {
        AssessmentService service = service(new FakeGrading());
        Assessment assessment = service.create(spec(Duration.ofMinutes(30), 1, FeedbackLevel.FULL));
        List<Invitation> invitations = service.invite(assessment.id(), List.of("ada", "grace", "linus"));
        Set<String> tokens = new HashSet<>();
        for (Invitation invitation : invitations) {
            assertTrue(invitation.token().startsWith(Secrets.CANDIDATE));
            // 32 random bytes in unpadded base64url: 43 characters, 256 bits
            assertEquals(Secrets.CANDIDATE.length() + 43, invitation.token().length());
            tokens.add(invitation.token());
        }
        assertEquals(3, tokens.size());
        List<String> stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT name || ' ' || token_sha256 FROM candidates ORDER BY name").mapTo(String.class).list());
        for (Invitation invitation : invitations) {
            assertTrue(stored.contains(invitation.candidateName() + " " + Secrets.sha256(invitation.token())));
            assertTrue(stored.stream().noneMatch(row -> row.contains(invitation.token())), "a token is stored in clear");
        }
        assertEquals("ada", service.open(invitations.get(0).token()).orElseThrow().candidateName());
        String oneCharOff = invitations.get(0).token().substring(0, 20) + (invitations.get(0).token().charAt(20) == 'A'
                ? 'B' : 'A') + invitations.get(0).token().substring(21);
        assertTrue(service.open(oneCharOff).isEmpty());
        assertTrue(service.open("").isEmpty());
        assertTrue(service.open(Secrets.sha256(invitations.get(0).token())).isEmpty(), "the hash is not a key");
        AssessmentException twice = assertThrows(AssessmentException.class,
                () -> service.invite(assessment.id(), List.of("ada")));
        assertTrue(twice.getMessage().contains("ada"), twice.getMessage());
    }

    @Test
    void theClockStartsWhenTheLinkIsFirstOpenedAndOnlyThen() {
        AssessmentService service = service(new FakeGrading());
        Assessment assessment = service.create(spec(Duration.ofMinutes(30), 1, FeedbackLevel.FULL));
        String token = service.invite(assessment.id(), List.of("ada")).get(0).token();
        clock.advance(Duration.ofHours(5)); // invited long before starting: that costs nothing
        CandidateView before = service.view(token).orElseThrow();
        assertTrue(before.startedAt().isEmpty());
        assertEquals(Duration.ofMinutes(30), before.timeLeft());
        CandidateView opened = service.open(token).orElseThrow();
        assertEquals(Optional.of(clock.instant()), opened.startedAt());
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(30))), opened.deadline());
        assertEquals(Assessment.Phase.OPEN, opened.phase());
        assertEquals(List.of(Q09, Q01), opened.exercises().stream().map(CandidateView.ExerciseEntry::id).toList());
        assertFalse(opened.exercises().get(0).prompt().isBlank());
        clock.advance(Duration.ofMinutes(10));
        CandidateView again = service.open(token).orElseThrow();
        assertEquals(opened.startedAt(), again.startedAt(), "opening again does not restart the clock");
        assertEquals(Duration.ofMinutes(20), again.timeLeft());
        clock.advance(Duration.ofMinutes(25));
        CandidateView late = service.view(token).orElseThrow();
        assertEquals(Assessment.Phase.TIME_UP, late.phase());
        assertEquals(Duration.ZERO, late.timeLeft());
    }

    @Test
    void aSubmissionIsStoredPendingBeforeItIsGradedAndItsResultWhenItIs() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        FakeGrading grading = new FakeGrading(gate);
        AssessmentService service = service(grading);
        Assessment assessment = service.create(spec(Duration.ofMinutes(30), 2, FeedbackLevel.FULL));
        String token = service.invite(assessment.id(), List.of("ada")).get(0).token();
        service.open(token);
        SubmitOutcome.Accepted accepted = accepted(service.submit(token, Q09, answer(GOOD)));
        assertEquals(1, accepted.attempt());
        SubmissionTable table = new SubmissionTable(database);
        SubmissionRecord stored = table.find(accepted.submissionId()).orElseThrow();
        assertEquals(SubmissionStatus.PENDING, stored.status());
        assertEquals(GOOD, stored.files().get(0).text());
        assertTrue(service.result(accepted.submissionId()).isEmpty());
        assertEquals("pending", service.view(token).orElseThrow().submissions().get(0).status());
        gate.countDown();
        ResultRecord result = graded(service, accepted.submissionId());
        assertEquals(3.0, result.result().score());
        assertEquals(SubmissionStatus.GRADED, table.find(accepted.submissionId()).orElseThrow().status());
        assertEquals(Secrets.sha256(exercises.find(Q09).orElseThrow().checksSource()), result.receipt().checksSha256());
        assertEquals(Secrets.sha256(exercises.find(Q09).orElseThrow().prompt()), result.receipt().promptSha256());
        assertEquals(Secrets.sha256("solution.py\0" + GOOD + "\0"), result.receipt().codeSha256());
        assertEquals(Receipts.version(), result.receipt().pygradeVersion());
        assertEquals(1, table.history(accepted.submissionId()).size());
    }

    @Test
    void submissionsAreRefusedWithTheirReasonAndNothingIsStored() {
        AssessmentService service = service(new FakeGrading());
        Assessment timed = service.create(spec(Duration.ofMinutes(30), 2, FeedbackLevel.FULL));
        List<Invitation> invited = service.invite(timed.id(), List.of("ada", "grace"));
        String ada = invited.get(0).token();
        refused(service.submit("pgc_" + "A".repeat(43), Q09, answer(GOOD)), SubmitOutcome.Reason.UNKNOWN_LINK);
        refused(service.submit(ada, "q02-module-vs-package", answer(GOOD)), SubmitOutcome.Reason.UNKNOWN_EXERCISE);
        service.open(ada);
        accepted(service.submit(ada, Q09, answer(GOOD)));
        accepted(service.submit(ada, Q09, answer(GOOD)));
        SubmitOutcome.Refused used = refused(service.submit(ada, Q09, answer(GOOD)),
                SubmitOutcome.Reason.NO_ATTEMPTS_LEFT);
        assertTrue(used.message().contains("2 attempts"), used.message());
        accepted(service.submit(ada, Q01, answer(GOOD))); // attempts are per exercise
        clock.advance(Duration.ofMinutes(30));
        SubmitOutcome.Refused late = refused(service.submit(ada, Q01, answer(GOOD)), SubmitOutcome.Reason.TIME_UP);
        assertTrue(late.message().contains("time is up"), late.message());
        // grace has not opened her link yet: her own time has not started, so she may still submit
        accepted(service.submit(invited.get(1).token(), Q09, answer(GOOD)));

        Assessment window = service.create(new AssessmentSpec("Window", List.of(Q09), Duration.ofHours(2),
                Optional.of(clock.instant().plus(Duration.ofHours(1))), Optional.of(clock.instant().plus(Duration.ofHours(2))),
                5, FeedbackLevel.FULL));
        String linus = service.invite(window.id(), List.of("linus")).get(0).token();
        assertEquals(Assessment.Phase.NOT_OPEN_YET, service.open(linus).orElseThrow().phase());
        assertTrue(service.view(linus).orElseThrow().startedAt().isEmpty(), "opening early does not start the clock");
        refused(service.submit(linus, Q09, answer(GOOD)), SubmitOutcome.Reason.NOT_OPEN_YET);
        clock.advance(Duration.ofMinutes(90));
        CandidateView open = service.open(linus).orElseThrow();
        assertEquals(Optional.of(window.closesAt().orElseThrow()), open.deadline(), "the close comes before 2 hours");
        accepted(service.submit(linus, Q09, answer(GOOD)));
        clock.advance(Duration.ofMinutes(30));
        refused(service.submit(linus, Q09, answer(GOOD)), SubmitOutcome.Reason.CLOSED);

        long stored = database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM submissions")
                .mapTo(Long.class).one());
        assertEquals(5, stored, "only the accepted submissions are stored");
    }

    @Test
    void candidatesSeeTheFeedbackTheirAssessmentAllowsAndOnlyTheirOwnWork() throws Exception {
        AssessmentService service = service(new FakeGrading());
        Map<FeedbackLevel, String> tokens = new java.util.EnumMap<>(FeedbackLevel.class);
        Map<FeedbackLevel, Long> submissions = new java.util.EnumMap<>(FeedbackLevel.class);
        for (FeedbackLevel level : FeedbackLevel.values()) {
            Assessment assessment = service.create(new AssessmentSpec(level.wire(), List.of(Q09), Duration.ofHours(1),
                    Optional.empty(), Optional.of(T0.plus(Duration.ofHours(3))), 1, level));
            String token = service.invite(assessment.id(), List.of("ada", "grace")).get(0).token();
            tokens.put(level, token);
            SubmitOutcome.Accepted accepted = accepted(service.submit(token, Q09, answer(SLOW)));
            submissions.put(level, accepted.submissionId());
            graded(service, accepted.submissionId());
        }
        Feedback full = only(service.view(tokens.get(FeedbackLevel.FULL)).orElseThrow()).feedback().orElseThrow();
        assertEquals(2.0, full.score());
        assertEquals(Optional.of("took too long"), full.checks().get(1).message());
        assertEquals(Optional.of("printed by fast"), full.checks().get(1).output());

        Feedback scores = only(service.view(tokens.get(FeedbackLevel.SCORES)).orElseThrow()).feedback().orElseThrow();
        assertEquals(2.0, scores.score());
        assertEquals("failed", scores.checks().get(1).status());
        assertTrue(scores.checks().stream().allMatch(check -> check.message().isEmpty() && check.output().isEmpty()));

        CandidateView hidden = service.view(tokens.get(FeedbackLevel.NONE_UNTIL_CLOSED)).orElseThrow();
        assertEquals("graded", only(hidden).status());
        assertTrue(only(hidden).feedback().isEmpty(), "nothing until the assessment closes");
        clock.advance(Duration.ofHours(3));
        Feedback afterClose = only(service.view(tokens.get(FeedbackLevel.NONE_UNTIL_CLOSED)).orElseThrow()).feedback()
                .orElseThrow();
        assertEquals(Optional.of("took too long"), afterClose.checks().get(1).message());

        // grace, invited to the same assessment as ada, sees none of ada's work
        Assessment full1 = service.assessments().stream().filter(a -> a.feedback() == FeedbackLevel.FULL).findFirst()
                .orElseThrow();
        assertEquals(2, service.candidates(full1.id()).size());
        String adaToken = tokens.get(FeedbackLevel.FULL);
        CandidateView ada = service.view(adaToken).orElseThrow();
        assertEquals(1, ada.submissions().size());
        assertEquals(Map.of("solution.py", SLOW), ada.submissions().get(0).files());
    }

    private static CandidateView.SubmissionEntry only(CandidateView view) {
        assertEquals(1, view.submissions().size());
        return view.submissions().get(0);
    }

    @Test
    void theResultsTableHasBestAndLastScoresAndTimeUsed() throws Exception {
        AssessmentService service = service(new FakeGrading());
        Assessment assessment = service.create(spec(Duration.ofHours(1), 3, FeedbackLevel.FULL));
        List<Invitation> invited = service.invite(assessment.id(), List.of("grace", "ada"));
        String ada = invited.get(1).token();
        service.open(ada);
        clock.advance(Duration.ofMinutes(5));
        graded(service, accepted(service.submit(ada, Q09, answer(GOOD))).submissionId());
        clock.advance(Duration.ofMinutes(7));
        graded(service, accepted(service.submit(ada, Q09, answer(SLOW))).submissionId());
        ResultsTable table = service.results(assessment.id());
        assertEquals(List.of("ada", "grace"), table.rows().stream().map(ResultsTable.Row::candidate).toList());
        ResultsTable.Row row = table.rows().get(0);
        ResultsTable.Cell cell = row.cells().get(Q09);
        assertEquals(2, cell.attempts());
        assertEquals(3.0, cell.best().orElseThrow());
        assertEquals(2.0, cell.last().orElseThrow());
        assertEquals(3.0, cell.maxScore());
        assertEquals(Optional.of("failed"), cell.lastStatus());
        assertEquals(Optional.of(Duration.ofMinutes(12)), row.timeUsed());
        assertEquals(0, row.cells().get(Q01).attempts());
        assertTrue(row.cells().get(Q01).best().isEmpty());
        assertTrue(table.rows().get(1).timeUsed().isEmpty(), "grace has not started");

        List<dev.pygrade.report.CandidateResult> best = service.exportResults(assessment.id(), ResultsTable.Pick.BEST);
        assertEquals(1, best.size());
        assertEquals(3.0, best.get(0).result().score());
        assertEquals(2.0, service.exportResults(assessment.id(), ResultsTable.Pick.LAST).get(0).result().score());
    }

    @Test
    void aRegradeAfterAnExerciseChangesSaysPerCandidateWhatChanged() throws Exception {
        AssessmentService service = service(new FakeGrading());
        Assessment assessment = service.create(spec(Duration.ofHours(1), 2, FeedbackLevel.FULL));
        List<Invitation> invited = service.invite(assessment.id(), List.of("ada", "grace"));
        long adaQ09 = accepted(service.submit(invited.get(0).token(), Q09, answer(GOOD))).submissionId();
        long graceQ09 = accepted(service.submit(invited.get(1).token(), Q09, answer("def f(n):\n    return strict(n)\n")))
                .submissionId();
        long graceQ01 = accepted(service.submit(invited.get(1).token(), Q01, answer(GOOD))).submissionId();
        for (long id : List.of(adaQ09, graceQ09, graceQ01)) {
            graded(service, id);
        }
        ResultRecord before = service.result(adaQ09).orElseThrow();

        Path checks = exercises.find(Q09).orElseThrow().checksFile();
        Files.writeString(checks, Files.readString(checks) + "\n# STRICT: answers must now be strict\n");
        RegradeReport report = service.regrade(assessment.id(), Optional.empty());
        assertEquals(3, report.regraded());
        assertEquals(1, report.unchanged(), "grace's q01 answer: same score, same checks, same receipt");
        RegradeReport.Change ada = report.byCandidate().get("ada").get(0);
        assertEquals(3.0, ada.oldScore());
        assertEquals(3.0, ada.newScore());
        assertEquals(List.of(new RegradeReport.CheckChange("strict", Optional.empty(), Optional.of("failed"))),
                ada.checks());
        assertEquals(List.of("checks"), ada.receiptChanges());
        RegradeReport.Change grace = report.byCandidate().get("grace").get(0);
        assertEquals(Q09, grace.exerciseId());
        assertEquals(4.0, grace.newScore());
        assertEquals(4.0, grace.maxScore());
        assertEquals(List.of(new RegradeReport.CheckChange("strict", Optional.empty(), Optional.of("passed"))),
                grace.checks());

        ResultRecord after = service.result(adaQ09).orElseThrow();
        assertNotEquals(before.receipt().checksSha256(), after.receipt().checksSha256());
        assertEquals(before.receipt().codeSha256(), after.receipt().codeSha256());
        assertEquals(ResultRecord.Reason.REGRADE, after.reason());
        List<InstructorView.SubmissionHistory> history = service.history(assessment.id(), "ada");
        assertEquals(2, history.get(0).gradings().size(), "the first grading is kept beside the regrade");
        assertEquals(3.0, service.results(assessment.id()).rows().get(0).cells().get(Q09).best().orElseThrow());
    }

    @Test
    void submissionsLeftPendingByAServiceThatDiedAreGradedByTheNextOne() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FakeGrading stuck = new FakeGrading(never);
        AssessmentService first = service(stuck);
        Assessment assessment = first.create(spec(Duration.ofHours(1), 3, FeedbackLevel.FULL));
        List<Invitation> invited = first.invite(assessment.id(), List.of("ada", "grace"));
        List<Long> ids = new ArrayList<>();
        for (Invitation invitation : invited) {
            ids.add(accepted(first.submit(invitation.token(), Q09, answer(GOOD))).submissionId());
            ids.add(accepted(first.submit(invitation.token(), Q01, answer(SLOW))).submissionId());
        }
        waitUntil(() -> stuck.started.get() == 2, "the first service's two threads are grading");
        first.abandon(); // it dies: no heartbeat, nothing released, nothing recorded
        assertEquals(4, first.pendingCount());

        FakeGrading healthy = new FakeGrading();
        AssessmentService second = service(healthy);
        for (long id : ids) {
            graded(second, id);
        }
        assertEquals(0, second.pendingCount());
        never.countDown(); // the dead service's gradings end: nothing of theirs may be recorded
        waitUntil(() -> stuck.finished.get() == 2, "the stuck gradings returned");
        Thread.sleep(300);
        SubmissionTable table = new SubmissionTable(database);
        for (long id : ids) {
            assertEquals(1, table.history(id).size(), "submission " + id + " graded once");
        }
    }

    @Test
    void aGracefulStopGivesBackWhatItHasNotGradedSoTheNextStartTakesItAtOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        // a lease of 10 minutes: had the first service not given its claim back, the second could not take it in time
        AssessmentService first = service(new FakeGrading(gate), settings().withGrading(1, 4)
                .withLease(Duration.ofMinutes(10), Duration.ofMillis(200)));
        Assessment assessment = first.create(spec(Duration.ofHours(1), 5, FeedbackLevel.FULL));
        String token = first.invite(assessment.id(), List.of("ada")).get(0).token();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(accepted(first.submit(token, Q09, answer(GOOD + "# " + i))).submissionId());
        }
        waitUntil(() -> new SubmissionTable(database).find(ids.get(0)).isPresent() && leaseHeld(ids.get(0)),
                "the first service claimed its first submission");
        first.close(Duration.ofMillis(300)); // its one grading is stuck: it is stopped, its leases given back
        assertFalse(leaseHeld(ids.get(0)), "the claim is given back on close");
        gate.countDown();
        AssessmentService second = service(new FakeGrading());
        long started = System.nanoTime();
        for (long id : ids) {
            graded(second, id);
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMinutes(2)) < 0);
        SubmissionTable table = new SubmissionTable(database);
        for (long id : ids) {
            assertEquals(1, table.history(id).size(), "submission " + id + " graded once");
        }
    }

    private boolean leaseHeld(long submissionId) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM submissions WHERE id = :id AND lease_owner IS NOT NULL").bind("id", submissionId)
                .mapTo(Long.class).one()) > 0;
    }

    @Test
    void anExerciseThatIsGoneGivesAnInternalErrorNotAForeverPendingSubmission() throws Exception {
        AssessmentService service = service(new FakeGrading());
        Assessment assessment = service.create(spec(Duration.ofHours(1), 1, FeedbackLevel.FULL));
        String token = service.invite(assessment.id(), List.of("ada")).get(0).token();
        long id = accepted(service.submit(token, Q01, answer(GOOD))).submissionId();
        graded(service, id);
        try (Stream<Path> files = Files.walk(exercises.root().resolve(Q01))) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        RegradeReport report = service.regrade(assessment.id(), Optional.of(Q01));
        RegradeReport.Change change = report.byCandidate().get("ada").get(0);
        assertEquals("internal-error", change.newStatus());
        ResultRecord result = service.result(id).orElseThrow();
        assertTrue(result.result().error().message().contains("no longer in the exercises folder"),
                result.result().error().message());
    }

    @Test
    void aFullLaneLosesNothingTheSweepGradesWhatWaitsInTheDatabase() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AssessmentService service = service(new FakeGrading(gate), settings().withGrading(1, 1));
        Assessment assessment = service.create(spec(Duration.ofHours(1), 10, FeedbackLevel.FULL));
        String token = service.invite(assessment.id(), List.of("ada")).get(0).token();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(accepted(service.submit(token, Q09, answer(GOOD + "# " + i))).submissionId());
        }
        assertEquals(6, service.pendingCount());
        gate.countDown();
        for (long id : ids) {
            graded(service, id);
        }
        assertEquals(0, service.pendingCount());
    }

    @Test
    void twoSubmissionsRacingForTheLastAttemptCannotBothHaveIt() throws Exception {
        AssessmentService service = service(new FakeGrading());
        Assessment assessment = service.create(spec(Duration.ofHours(1), 3, FeedbackLevel.FULL));
        String token = service.invite(assessment.id(), List.of("ada")).get(0).token();
        service.open(token);
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SubmitOutcome>> tasks = Stream.<Callable<SubmitOutcome>>generate(
                    () -> () -> service.submit(token, Q09, answer(GOOD))).limit(8).toList();
            long accepted = 0;
            for (Future<SubmitOutcome> outcome : racers.invokeAll(tasks)) {
                if (outcome.get() instanceof SubmitOutcome.Accepted) {
                    accepted++;
                } else {
                    refused(outcome.get(), SubmitOutcome.Reason.NO_ATTEMPTS_LEFT);
                }
            }
            assertEquals(3, accepted);
        } finally {
            racers.shutdownNow();
        }
        assertEquals(List.of(1, 2, 3), database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT attempt FROM submissions ORDER BY attempt").mapTo(Integer.class).list()));
    }

    @Test
    void instructorTokensAreStoredHashedAndCheckedUntilRevoked() {
        AssessmentService service = service(new FakeGrading());
        IssuedToken issued = service.createInstructorToken("alice's laptop");
        assertTrue(issued.token().startsWith(Secrets.INSTRUCTOR));
        assertEquals(issued.id(), service.verifyInstructorToken(issued.token()).orElseThrow().id());
        assertTrue(service.verifyInstructorToken(issued.token() + "x").isEmpty());
        assertTrue(service.verifyInstructorToken(null).isEmpty());
        String candidateToken = service.invite(service.create(spec(Duration.ofHours(1), 1, FeedbackLevel.FULL)).id(),
                List.of("ada")).get(0).token();
        assertTrue(service.verifyInstructorToken(candidateToken).isEmpty(), "a candidate's link is no instructor token");
        List<String> stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT token_sha256 FROM instructor_tokens").mapTo(String.class).list());
        assertEquals(List.of(Secrets.sha256(issued.token())), stored);
        service.revokeInstructorToken(issued.id());
        assertTrue(service.verifyInstructorToken(issued.token()).isEmpty());
        assertThrows(AssessmentException.class, () -> service.revokeInstructorToken(issued.id()));
    }

    @Test
    void aSubmissionIsGradedThroughTheRealGrader() throws Exception {
        AssessmentService service = service((exercise, submission, limits) ->
                TestSandbox.grader().grade(exercise, submission, limits));
        Assessment assessment = service.create(spec(Duration.ofHours(1), 1, FeedbackLevel.FULL));
        String token = service.invite(assessment.id(), List.of("ada")).get(0).token();
        String good = """
                from functools import lru_cache

                @lru_cache(maxsize=128)
                def fibonacci(n):
                    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)
                """;
        long id = accepted(service.submit(token, Q09, answer(good))).submissionId();
        ResultRecord result = graded(service, id);
        assertEquals(dev.pygrade.grading.Status.PASSED, result.result().status(), result.result().toString());
        assertEquals(10.0, result.result().score());
        assertEquals(5, result.result().checks().size());
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
