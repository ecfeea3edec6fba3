package dev.pygrade.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pygrade.similarity.Similarity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON shapes of assessments, for the command line's --format json and the HTTP API: times
 * as ISO-8601 UTC strings, durations as whole seconds, absent values as null. Written by hand,
 * so that a shape changes only when this file does.
 */
public final class AssessmentJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AssessmentJson() {
    }

    public static ObjectNode assessment(Assessment assessment) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", assessment.id());
        node.put("name", assessment.name());
        strings(node.putArray("exercises"), assessment.exerciseIds());
        node.put("time_allowed_seconds", assessment.timeAllowed().toSeconds());
        time(node, "opens_at", assessment.opensAt());
        time(node, "closes_at", assessment.closesAt());
        node.put("attempts_allowed", assessment.attemptsAllowed());
        node.put("feedback", assessment.feedback().wire());
        node.put("created_at", assessment.createdAt().toString());
        return node;
    }

    /** An invitation with its token: shown once, to the instructor who invited. */
    public static ObjectNode invitation(Invitation invitation, Optional<String> link) {
        ObjectNode node = JSON.createObjectNode();
        node.put("candidate", invitation.candidateName());
        node.put("assessment", invitation.assessmentId());
        node.put("token", invitation.token());
        text(node, "link", link);
        return node;
    }

    /** What a candidate's page shows: their assessment, time, exercises and own submissions with allowed feedback. */
    public static ObjectNode candidateView(CandidateView view) {
        ObjectNode node = JSON.createObjectNode();
        node.put("assessment", view.assessmentId());
        node.put("name", view.assessmentName());
        node.put("candidate", view.candidateName());
        node.put("phase", view.phase().name().toLowerCase(java.util.Locale.ROOT));
        time(node, "opens_at", view.opensAt());
        time(node, "closes_at", view.closesAt());
        time(node, "started_at", view.startedAt());
        time(node, "deadline", view.deadline());
        node.put("time_left_seconds", view.timeLeft().toSeconds());
        node.put("time_allowed_seconds", view.timeAllowed().toSeconds());
        node.put("feedback", view.feedback().wire());
        ArrayNode exercises = node.putArray("exercises");
        for (CandidateView.ExerciseEntry entry : view.exercises()) {
            ObjectNode out = exercises.addObject();
            out.put("id", entry.id());
            out.put("title", entry.title());
            out.put("prompt", entry.prompt());
            out.put("attempts_used", entry.attemptsUsed());
            out.put("attempts_left", entry.attemptsLeft());
        }
        ArrayNode submissions = node.putArray("submissions");
        for (CandidateView.SubmissionEntry entry : view.submissions()) {
            ObjectNode out = submission(submissions, entry.id(), entry.exerciseId(), entry.attempt(),
                    entry.submittedAt(), entry.status(), entry.files());
            entry.feedback().ifPresentOrElse(feedback -> out.set("feedback", feedback(feedback)),
                    () -> out.putNull("feedback"));
        }
        return node;
    }

    private static ObjectNode feedback(Feedback feedback) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", feedback.status());
        node.put("score", feedback.score());
        node.put("max_score", feedback.maxScore());
        text(node, "error", feedback.error());
        ArrayNode checks = node.putArray("checks");
        for (Feedback.CheckFeedback check : feedback.checks()) {
            ObjectNode out = checks.addObject();
            out.put("name", check.name());
            out.put("description", check.description());
            out.put("status", check.status());
            out.put("score", check.score());
            out.put("max_score", check.maxScore());
            check.message().ifPresent(message -> out.put("message", message));
            check.output().ifPresent(output -> out.put("output", output));
        }
        return node;
    }

    /** An instructor's view of a candidate: every submission with its code and every grading, with receipts. */
    public static ArrayNode history(List<InstructorView.SubmissionHistory> history) {
        ArrayNode node = JSON.createArrayNode();
        for (InstructorView.SubmissionHistory entry : history) {
            dev.pygrade.store.SubmissionRecord stored = entry.submission();
            java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
            stored.files().forEach(file -> files.put(file.path(), file.text()));
            ObjectNode out = submission(node, stored.id(), stored.exerciseId(), stored.attempt(), stored.submittedAt(),
                    stored.status().wire(), files);
            ArrayNode gradings = out.putArray("gradings");
            for (dev.pygrade.store.ResultRecord result : entry.gradings()) {
                ObjectNode grading = gradings.addObject();
                grading.put("reason", result.reason().wire());
                grading.put("graded_at", result.gradedAt().toString());
                grading.set("result", JSON.valueToTree(result.result()));
                grading.set("receipt", JSON.valueToTree(result.receipt()));
            }
        }
        return node;
    }

    public static ObjectNode results(ResultsTable table) {
        ObjectNode node = JSON.createObjectNode();
        node.put("assessment", table.assessmentId());
        node.put("name", table.assessmentName());
        strings(node.putArray("exercises"), table.exerciseIds());
        ArrayNode rows = node.putArray("candidates");
        for (ResultsTable.Row row : table.rows()) {
            ObjectNode line = rows.addObject();
            line.put("candidate", row.candidate());
            time(line, "started_at", row.startedAt());
            seconds(line, "time_used_seconds", row.timeUsed());
            ObjectNode cells = line.putObject("exercises");
            row.cells().forEach((exercise, cell) -> {
                ObjectNode out = cells.putObject(exercise);
                out.put("attempts", cell.attempts());
                out.put("pending", cell.pending());
                number(out, "best", cell.best());
                number(out, "last", cell.last());
                out.put("max_score", cell.maxScore());
                text(out, "last_status", cell.lastStatus());
            });
        }
        return node;
    }

    public static ObjectNode regrade(RegradeReport report) {
        ObjectNode node = JSON.createObjectNode();
        node.put("assessment", report.assessmentId());
        node.put("regraded", report.regraded());
        node.put("unchanged", report.unchanged());
        ObjectNode candidates = node.putObject("changed");
        report.byCandidate().forEach((candidate, changes) -> {
            ArrayNode list = candidates.putArray(candidate);
            for (RegradeReport.Change change : changes) {
                ObjectNode out = list.addObject();
                out.put("submission", change.submissionId());
                out.put("exercise", change.exerciseId());
                out.put("attempt", change.attempt());
                out.put("old_score", change.oldScore());
                out.put("new_score", change.newScore());
                out.put("max_score", change.maxScore());
                out.put("old_status", change.oldStatus());
                out.put("new_status", change.newStatus());
                ArrayNode checks = out.putArray("checks");
                for (RegradeReport.CheckChange check : change.checks()) {
                    ObjectNode c = checks.addObject();
                    c.put("name", check.name());
                    text(c, "before", check.before());
                    text(c, "after", check.after());
                }
                strings(out.putArray("receipt_changed"), change.receiptChanges());
            }
        });
        return node;
    }

    public static ArrayNode similarity(List<SimilarityPairs> reports) {
        ArrayNode node = JSON.createArrayNode();
        for (SimilarityPairs report : reports) {
            ObjectNode out = node.addObject();
            out.put("exercise", report.exerciseId());
            out.put("answers", report.answers());
            out.put("common_limit", report.commonLimit());
            ArrayNode pairs = out.putArray("pairs");
            for (Similarity.Pair pair : report.pairs()) {
                ObjectNode p = pairs.addObject();
                p.put("first", pair.first());
                p.put("second", pair.second());
                p.put("jaccard", Math.round(pair.jaccard() * 1000) / 1000.0);
                p.put("containment", Math.round(pair.containment() * 1000) / 1000.0);
                p.put("shared_fingerprints", pair.shared());
            }
        }
        return node;
    }

    /** A submission's head and files (by path), the same for the candidate and the instructor. */
    private static ObjectNode submission(ArrayNode into, long id, String exercise, int attempt, Instant submittedAt,
                                         String status, java.util.Map<String, String> files) {
        ObjectNode out = into.addObject();
        out.put("id", id);
        out.put("exercise", exercise);
        out.put("attempt", attempt);
        out.put("submitted_at", submittedAt.toString());
        out.put("status", status);
        ObjectNode byPath = out.putObject("files");
        new java.util.TreeMap<>(files).forEach(byPath::put);
        return out;
    }

    private static void text(ObjectNode node, String field, Optional<String> value) {
        value.ifPresentOrElse(text -> node.put(field, text), () -> node.putNull(field));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void time(ObjectNode node, String field, Optional<Instant> value) {
        value.ifPresentOrElse(time -> node.put(field, time.toString()), () -> node.putNull(field));
    }

    private static void seconds(ObjectNode node, String field, Optional<Duration> value) {
        value.ifPresentOrElse(duration -> node.put(field, duration.toSeconds()), () -> node.putNull(field));
    }

    private static void number(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }
}
