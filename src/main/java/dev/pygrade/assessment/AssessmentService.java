package dev.pygrade.assessment;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.Grading;
import dev.pygrade.store.AssessmentRecord;
import dev.pygrade.store.AssessmentTable;
import dev.pygrade.store.CandidateRecord;
import dev.pygrade.store.CandidateTable;
import dev.pygrade.store.Database;
import dev.pygrade.store.InstructorTokenRecord;
import dev.pygrade.store.InstructorTokenTable;
import dev.pygrade.store.ResultRecord;
import dev.pygrade.store.SubmissionRecord;
import dev.pygrade.store.SubmissionStatus;
import dev.pygrade.store.SubmissionTable;
import dev.pygrade.submission.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Assessments as a plain Java API, for the server and the command line: create one, invite
 * candidates, show a candidate their assessment, take their submissions, grade them, and give
 * instructors results, exports, regrades and similarity reports.
 *
 * <p>Every accepted submission is stored (pending) before it is queued for grading, and its
 * result when graded; {@link #start()} grades what a previous run left pending. Grading goes
 * through {@link Grading}, the one grading path, on this service's own bounded lane. Operations
 * that do not grade (create, invite, results, export) need no {@link #start()}.
 */
public final class AssessmentService implements AutoCloseable {
    private final ExerciseRepository exercises;
    private final ServiceSettings settings;
    private final AssessmentTable assessments;
    private final CandidateTable candidates;
    private final SubmissionTable submissions;
    private final InstructorTokenTable tokens;
    private final GradingLane lane;

    public AssessmentService(Database database, ExerciseRepository exercises, Grading grading,
                             ServiceSettings settings) {
        this.exercises = exercises;
        this.settings = settings;
        this.assessments = new AssessmentTable(database);
        this.candidates = new CandidateTable(database);
        this.submissions = new SubmissionTable(database);
        this.tokens = new InstructorTokenTable(database);
        this.lane = new GradingLane(submissions, new SubmissionGrading(exercises, grading, settings.limits()),
                settings.lane(), settings.log());
    }

    /** Starts grading: at once what a previous run left pending (recovery), then every new submission. */
    public void start() {
        lane.start();
    }

    // ---- instructors: assessments and invitations ----

    /** Creates an assessment; every exercise must exist in the exercises folder. */
    public Assessment create(AssessmentSpec spec) {
        List<String> unknown = spec.exerciseIds().stream().filter(id -> exercises.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw AssessmentException.invalid("unknown exercise" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " ('pygrade list' shows them all)");
        }
        AssessmentRecord record = assessments.insert(spec.name(), spec.exerciseIds(), spec.timeAllowed(),
                spec.opensAt(), spec.closesAt(), spec.attemptsAllowed(), spec.feedback().wire(), now());
        return Assessment.of(record);
    }

    public List<Assessment> assessments() {
        return assessments.all().stream().map(Assessment::of).toList();
    }

    public Assessment assessment(long id) {
        return assessments.find(id).map(Assessment::of)
                .orElseThrow(() -> AssessmentException.notFound("no assessment " + id));
    }

    /**
     * Invites candidates by name (unique within the assessment): one link token each, returned
     * here and never again (only its hash is stored).
     */
    public List<Invitation> invite(long assessmentId, List<String> names) {
        Assessment assessment = assessment(assessmentId);
        List<String> cleaned = names.stream().map(String::strip).toList();
        if (cleaned.isEmpty() || cleaned.stream().anyMatch(String::isEmpty)) {
            throw AssessmentException.invalid("a candidate needs a name");
        }
        if (new LinkedHashSet<>(cleaned).size() != cleaned.size()) {
            throw AssessmentException.invalid("a name is given twice: " + cleaned);
        }
        List<String> taken = cleaned.stream().filter(name -> candidates.exists(assessmentId, name)).toList();
        if (!taken.isEmpty()) {
            throw AssessmentException.invalid("already invited to assessment " + assessmentId + ": "
                    + String.join(", ", taken) + " (a candidate's link is shown only once; invite under another name "
                    + "to issue a new one)");
        }
        List<Invitation> invitations = new ArrayList<>();
        for (String name : cleaned) {
            String token = Secrets.newSecret(Secrets.CANDIDATE);
            CandidateRecord record = candidates.insert(assessment.id(), name, Secrets.sha256(token), now());
            invitations.add(new Invitation(record.id(), assessment.id(), name, token));
        }
        return invitations;
    }

    public List<CandidateRecord> candidates(long assessmentId) {
        assessment(assessmentId);
        return candidates.ofAssessment(assessmentId);
    }

    // ---- candidates ----

    /** The candidate a link token belongs to; empty for a token that is not one of ours. */
    Optional<CandidateRecord> candidateOf(String token) {
        if (!Secrets.plausible(token, Secrets.CANDIDATE)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        return candidates.findByToken(hash).filter(found -> Secrets.sameHash(found.tokenSha256(), hash));
    }

    /**
     * The candidate opens their link: their clock starts now unless it has started already (or
     * the assessment is not open). Empty for an unknown link.
     */
    public Optional<CandidateView> open(String token) {
        Optional<CandidateRecord> found = candidateOf(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CandidateRecord candidate = found.get();
        Assessment assessment = assessment(candidate.assessmentId());
        Instant now = now();
        if (candidate.startedAt().isEmpty() && assessment.phase(Optional.empty(), now) == Assessment.Phase.OPEN) {
            candidates.start(candidate.id(), now);
            candidate = candidates.find(candidate.id()).orElseThrow();
        }
        return Optional.of(view(assessment, candidate, now));
    }

    /** What the candidate's link shows, without starting their clock. Empty for an unknown link. */
    public Optional<CandidateView> view(String token) {
        return candidateOf(token).map(candidate -> view(assessment(candidate.assessmentId()), candidate, now()));
    }

    private CandidateView view(Assessment assessment, CandidateRecord candidate, Instant now) {
        Assessment.Phase phase = assessment.phase(candidate.startedAt(), now);
        Optional<Instant> deadline = assessment.deadline(candidate.startedAt());
        List<SubmissionRecord> own = submissions.ofCandidate(candidate.id());
        Map<String, Long> used = own.stream().collect(Collectors.groupingBy(SubmissionRecord::exerciseId,
                Collectors.counting()));
        List<CandidateView.ExerciseEntry> entries = assessment.exerciseIds().stream().map(id -> {
            Optional<Exercise> exercise = exercises.find(id);
            int attempts = used.getOrDefault(id, 0L).intValue();
            return new CandidateView.ExerciseEntry(id, exercise.map(Exercise::title).orElse(id),
                    exercise.map(Exercise::prompt).orElse(""), attempts,
                    Math.max(0, assessment.attemptsAllowed() - attempts));
        }).toList();
        boolean closed = assessment.closedAt(now);
        List<CandidateView.SubmissionEntry> entriesOfOwn = own.stream().map(stored -> {
            Optional<Feedback> feedback = stored.status() == SubmissionStatus.GRADED
                    ? submissions.currentResult(stored.id())
                    .flatMap(result -> Feedback.of(result.result(), assessment.feedback(), closed))
                    : Optional.empty();
            Map<String, String> files = stored.files().stream().collect(Collectors.toMap(
                    SubmissionRecord.StoredFile::path, SubmissionRecord.StoredFile::text));
            return new CandidateView.SubmissionEntry(stored.id(), stored.exerciseId(), stored.attempt(),
                    stored.submittedAt(), stored.status().wire(), files, feedback);
        }).toList();
        return new CandidateView(assessment.id(), assessment.name(), candidate.name(), phase, assessment.opensAt(),
                assessment.closesAt(), candidate.startedAt(), deadline, timeLeft(assessment, candidate, now),
                assessment.timeAllowed(), assessment.feedback(), entries, entriesOfOwn);
    }

    private static Duration timeLeft(Assessment assessment, CandidateRecord candidate, Instant now) {
        Instant end = assessment.deadline(candidate.startedAt()).orElseGet(() -> {
            Instant own = now.plus(assessment.timeAllowed());
            return assessment.closesAt().filter(close -> close.isBefore(own)).orElse(own);
        });
        Duration left = Duration.between(now, end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Takes a candidate's submission: refused (nothing stored) past their deadline, outside the
     * window, past the attempts allowed, or for an exercise not in their assessment; otherwise
     * stored pending, then queued for grading. Submitting starts the candidate's clock if opening
     * the link did not.
     */
    public SubmitOutcome submit(String token, String exerciseId, Submission submission) {
        Optional<CandidateRecord> found = candidateOf(token);
        if (found.isEmpty()) {
            return new SubmitOutcome.Refused(SubmitOutcome.Reason.UNKNOWN_LINK,
                    "this link is not valid: ask the person who sent it for a new one");
        }
        CandidateRecord candidate = found.get();
        Assessment assessment = assessment(candidate.assessmentId());
        if (!assessment.exerciseIds().contains(exerciseId)) {
            return new SubmitOutcome.Refused(SubmitOutcome.Reason.UNKNOWN_EXERCISE,
                    "exercise '" + exerciseId + "' is not part of this assessment");
        }
        Instant now = now();
        Assessment.Phase before = assessment.phase(candidate.startedAt(), now);
        Optional<SubmitOutcome.Refused> refused = refusal(assessment, candidate.startedAt(), before);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant startedAt = candidate.startedAt().orElseGet(() -> candidates.start(candidate.id(), now));
        Optional<SubmitOutcome.Refused> late = refusal(assessment, Optional.of(startedAt),
                assessment.phase(Optional.of(startedAt), now));
        if (late.isPresent()) {
            return late.get();
        }
        Optional<SubmissionRecord> stored = submissions.insertNext(candidate.id(), exerciseId,
                assessment.attemptsAllowed(), submission.label(), SubmissionGrading.toStored(submission), now);
        if (stored.isEmpty()) {
            return new SubmitOutcome.Refused(SubmitOutcome.Reason.NO_ATTEMPTS_LEFT, "all "
                    + assessment.attemptsAllowed() + " attempt" + (assessment.attemptsAllowed() == 1 ? "" : "s")
                    + " at " + exerciseId + " are used");
        }
        SubmissionRecord record = stored.get();
        lane.offer(record.id()); // when the lane is full it stays pending, and the sweep takes it later
        return new SubmitOutcome.Accepted(record.id(), exerciseId, record.attempt(), record.submittedAt());
    }

    private static Optional<SubmitOutcome.Refused> refusal(Assessment assessment, Optional<Instant> startedAt,
                                                          Assessment.Phase phase) {
        return switch (phase) {
            case OPEN -> Optional.empty();
            case NOT_OPEN_YET -> Optional.of(new SubmitOutcome.Refused(SubmitOutcome.Reason.NOT_OPEN_YET,
                    "this assessment opens at " + assessment.opensAt().orElseThrow() + "; nothing can be submitted "
                            + "before then"));
            case CLOSED -> Optional.of(new SubmitOutcome.Refused(SubmitOutcome.Reason.CLOSED,
                    "this assessment closed at " + assessment.closesAt().orElseThrow()
                            + "; submissions are no longer accepted"));
            case TIME_UP -> Optional.of(new SubmitOutcome.Refused(SubmitOutcome.Reason.TIME_UP,
                    "your time is up: it ended at " + assessment.deadline(startedAt).orElseThrow()
                            + "; submissions are no longer accepted"));
        };
    }

    /**
     * The current result of a submission, once graded: everything, for instructors and tests. A
     * candidate's own results reach them only through {@link #view(String)}, cut to their feedback level.
     */
    public Optional<ResultRecord> result(long submissionId) {
        return submissions.currentResult(submissionId);
    }

    /**
     * Waits until a submission is graded (polling the database, so a grading by another instance
     * counts too); empty when it is still pending after {@code timeout}. Unscoped, as {@link #result(long)}.
     */
    public Optional<ResultRecord> awaitGraded(long submissionId, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ResultRecord> result = submissions.currentResult(submissionId);
            if (result.isPresent() || System.nanoTime() > end) {
                return result;
            }
            Thread.sleep(50);
        }
    }

    /** Submissions stored but not graded yet, over every assessment. */
    public int pendingCount() {
        return submissions.pendingCount();
    }

    // ---- instructors: what they see ----

    /** A candidate's submissions, oldest first, each with every grading of it (the history of attempts). */
    public List<InstructorView.SubmissionHistory> history(long assessmentId, String candidateName) {
        CandidateRecord candidate = candidates(assessmentId).stream().filter(c -> c.name().equals(candidateName))
                .findFirst().orElseThrow(() -> AssessmentException.notFound("no candidate '" + candidateName
                        + "' in assessment " + assessmentId));
        return submissions.ofCandidate(candidate.id()).stream()
                .map(stored -> new InstructorView.SubmissionHistory(stored, submissions.history(stored.id())))
                .toList();
    }

    /** Candidates x exercises: best and last score, attempts, time used. */
    public ResultsTable results(long assessmentId) {
        Assessment assessment = assessment(assessmentId);
        return ResultsTable.of(assessment, candidates.ofAssessment(assessmentId),
                submissions.ofAssessment(assessmentId), submissions.currentResults(assessmentId));
    }

    /**
     * Grades every graded submission of the assessment again (of one exercise, if given), against
     * the exercises as they are now, and reports per candidate what changed.
     */
    public RegradeReport regrade(long assessmentId, Optional<String> exerciseId) throws InterruptedException {
        Assessment assessment = assessment(assessmentId);
        exerciseId.ifPresent(id -> {
            if (!assessment.exerciseIds().contains(id)) {
                throw AssessmentException.invalid("exercise '" + id + "' is not part of assessment " + assessmentId);
            }
        });
        Map<Long, ResultRecord> before = submissions.currentResults(assessmentId);
        List<SubmissionRecord> graded = submissions.ofAssessment(assessmentId).stream()
                .filter(stored -> stored.status() == SubmissionStatus.GRADED)
                .filter(stored -> exerciseId.map(stored.exerciseId()::equals).orElse(true))
                .toList();
        List<java.util.concurrent.CompletableFuture<ResultRecord>> pending = graded.stream().map(lane::regrade).toList();
        List<RegradeReport.Change> changes = new ArrayList<>();
        Map<Long, String> names = candidates.ofAssessment(assessmentId).stream()
                .collect(Collectors.toMap(CandidateRecord::id, CandidateRecord::name));
        for (int i = 0; i < graded.size(); i++) {
            SubmissionRecord stored = graded.get(i);
            ResultRecord after;
            try {
                after = pending.get(i).get();
            } catch (java.util.concurrent.ExecutionException failed) {
                throw new IllegalStateException("the regrade of submission " + stored.id() + " failed: "
                        + failed.getCause().getMessage(), failed.getCause());
            }
            changes.add(RegradeReport.Change.of(names.get(stored.candidateId()), stored, before.get(stored.id()),
                    after));
        }
        return RegradeReport.of(assessment, changes);
    }

    /** One result per candidate and exercise (their best or their last graded submission), for the writers in report/. */
    public List<dev.pygrade.report.CandidateResult> exportResults(long assessmentId, ResultsTable.Pick pick) {
        Assessment assessment = assessment(assessmentId);
        return ResultsTable.picked(assessment, candidates.ofAssessment(assessmentId),
                submissions.ofAssessment(assessmentId), submissions.currentResults(assessmentId), pick);
    }

    /** Pairs of candidates whose last answers to an exercise are alike, most alike first; a report, not a verdict. */
    public List<SimilarityPairs> similarity(long assessmentId, Optional<String> exerciseId) {
        Assessment assessment = assessment(assessmentId);
        Map<Long, String> names = candidates.ofAssessment(assessmentId).stream()
                .collect(Collectors.toMap(CandidateRecord::id, CandidateRecord::name));
        return SimilarityPairs.of(assessment, exerciseId, submissions.ofAssessment(assessmentId), names);
    }

    // ---- instructor tokens ----

    /** Creates an instructor's bearer token, returned now and never again (only its hash is stored). */
    public IssuedToken createInstructorToken(String name) {
        if (name == null || name.isBlank()) {
            throw AssessmentException.invalid("a token needs a name (whose it is, or what it is for)");
        }
        String token = Secrets.newSecret(Secrets.INSTRUCTOR);
        InstructorTokenRecord record = tokens.insert(name.strip(), Secrets.sha256(token), now());
        return new IssuedToken(record.id(), record.name(), token);
    }

    /** The live (not revoked) instructor token presented, if it is one; compared in constant time. */
    public Optional<InstructorTokenRecord> verifyInstructorToken(String presented) {
        if (!Secrets.plausible(presented, Secrets.INSTRUCTOR)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(presented);
        return tokens.findByToken(hash).filter(found -> Secrets.sameHash(found.tokenSha256(), hash))
                .filter(found -> found.revokedAt().isEmpty());
    }

    public List<InstructorTokenRecord> instructorTokens() {
        return tokens.all();
    }

    public void revokeInstructorToken(long id) {
        if (!tokens.revoke(id, now())) {
            throw AssessmentException.notFound("no live instructor token " + id);
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }

    /** Stops grading: gradings under way may finish for up to {@code grace}; the rest stays pending for the next start. */
    public void close(Duration grace) {
        lane.close(grace);
    }

    @Override
    public void close() {
        lane.close();
    }

    /** For the recovery tests: this service stops as a killed process would, recording and releasing nothing. */
    void abandon() {
        lane.abandon();
    }
}
