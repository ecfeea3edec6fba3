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
        link.ifPresentOrElse(value -> node.put("link", value), () -> node.putNull("link"));
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
            ObjectNode out = submissions.addObject();
            out.put("id", entry.id());
            out.put("exercise", entry.exerciseId());
            out.put("attempt", entry.attempt());
            out.put("submitted_at", entry.submittedAt().toString());
            out.put("status", entry.status());
            ObjectNode files = out.putObject("files");
            new java.util.TreeMap<>(entry.files()).forEach(files::put);
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
        feedback.error().ifPresentOrElse(error -> node.put("error", error), () -> node.putNull("error"));
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
            ObjectNode out = node.addObject();
            out.put("id", entry.submission().id());
            out.put("exercise", entry.submission().exerciseId());
            out.put("attempt", entry.submission().attempt());
            out.put("submitted_at", entry.submission().submittedAt().toString());
            out.put("status", entry.submission().status().wire());
            ObjectNode files = out.putObject("files");
            entry.submission().files().forEach(file -> files.put(file.path(), file.text()));
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
                cell.lastStatus().ifPresentOrElse(status -> out.put("last_status", status),
                        () -> out.putNull("last_status"));
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
                    check.before().ifPresentOrElse(v -> c.put("before", v), () -> c.putNull("before"));
                    check.after().ifPresentOrElse(v -> c.put("after", v), () -> c.putNull("after"));
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
