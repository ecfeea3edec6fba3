package dev.pygrade.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a candidate's link shows: their assessment (never another), its exercises with the
 * attempts left, the time left, and their own submissions with the feedback the assessment
 * allows. timeLeft is the whole time allowed (or less, if the window closes first) before the
 * clock starts, and zero once it has run out.
 */
public record CandidateView(long assessmentId, String assessmentName, String candidateName, Assessment.Phase phase,
                            Optional<Instant> opensAt, Optional<Instant> closesAt, Optional<Instant> startedAt,
                            Optional<Instant> deadline, Duration timeLeft, Duration timeAllowed,
                            FeedbackLevel feedback, List<ExerciseEntry> exercises, List<SubmissionEntry> submissions) {
    public CandidateView {
        exercises = List.copyOf(exercises);
        submissions = List.copyOf(submissions);
    }

    /** An exercise as the candidate sees it: its prompt (Markdown), never its checks. */
    public record ExerciseEntry(String id, String title, String prompt, int attemptsUsed, int attemptsLeft) {
    }

    /** One of the candidate's own submissions: their code, and the feedback allowed (empty while pending). */
    public record SubmissionEntry(long id, String exerciseId, int attempt, Instant submittedAt, String status,
                                  Map<String, String> files, Optional<Feedback> feedback) {
        public SubmissionEntry {
            files = Map.copyOf(files);
        }
    }
}
