package dev.pygrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.CandidateView;
import dev.pygrade.assessment.SubmitOutcome;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.submission.Submission;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A candidate's side of an assessment, under /api/candidate/{token}: the token is the candidate's
 * link (the page at /a/{token} reads it from its own address). Everything goes through
 * {@link AssessmentService} with that token, so a candidate sees only their own assessment and
 * their own submissions, with the feedback its level allows. See docs/assessments.md.
 */
final class CandidateApi {
    private static final String UNKNOWN_LINK = "this link is not valid: ask the person who sent it for a new one";

    private final Optional<AssessmentService> service;
    private final ExerciseApi exercises;
    private final int maxRequestBytes;

    CandidateApi(Optional<AssessmentService> service, ExerciseApi exercises, int maxRequestBytes) {
        this.service = service;
        this.exercises = exercises;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** What the link shows, without starting the candidate's clock. */
    void view(Context ctx) {
        Responses.json(ctx, 200, page(found(service().view(token(ctx)))));
    }

    /** The candidate opens their link: their clock starts now, unless it has started or the assessment is not open. */
    void open(Context ctx) {
        Responses.json(ctx, 200, page(found(service().open(token(ctx)))));
    }

    /**
     * Stores an answer (pending) and queues it for grading: 202, and the page polls the
     * submission for its feedback. Refused, with nothing stored, past the deadline, outside the
     * window, past the attempts allowed.
     */
    void submit(Context ctx) throws IOException {
        String token = token(ctx);
        String exerciseId = ctx.pathParam("id");
        CandidateView view = found(service().view(token));
        if (view.exercises().stream().noneMatch(entry -> entry.id().equals(exerciseId))) {
            throw refusal(new SubmitOutcome.Refused(SubmitOutcome.Reason.UNKNOWN_EXERCISE,
                    "exercise '" + exerciseId + "' is not part of this assessment"));
        }
        Exercise exercise = exercises.find(exerciseId).orElseThrow(() -> HttpError.notFound("exercise '" + exerciseId
                + "' is no longer on this server; tell the person who invited you"));
        byte[] body = Responses.body(ctx, maxRequestBytes);
        Submission submission = SubmissionBody.parse(ctx.header("Content-Type"), body, exercise);
        switch (service().submit(token, exerciseId, submission)) {
            case SubmitOutcome.Accepted accepted -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("id", accepted.submissionId());
                answer.put("exercise", accepted.exerciseId());
                answer.put("attempt", accepted.attempt());
                answer.put("submitted_at", accepted.submittedAt().toString());
                answer.put("status", "pending");
                Responses.json(ctx, 202, answer);
            }
            case SubmitOutcome.Refused refused -> throw refusal(refused);
        }
    }

    /** One of the candidate's own submissions, with the feedback allowed: what the page polls. */
    void submission(Context ctx) {
        String wanted = ctx.pathParam("submission");
        JsonNode own = AssessmentJson.candidateView(found(service().view(token(ctx)))).get("submissions");
        for (JsonNode entry : own) {
            if (entry.get("id").asText().equals(wanted)) {
                Responses.json(ctx, 200, entry);
                return;
            }
        }
        throw HttpError.notFound("no submission " + wanted + " of yours");
    }

    /**
     * A refusal, mapped once: an unknown link or exercise is 404, a closed door (not open yet,
     * closed, time up) 403, every attempt used 409. The message is for the candidate.
     */
    static HttpError refusal(SubmitOutcome.Refused refused) {
        int status = switch (refused.reason()) {
            case UNKNOWN_LINK, UNKNOWN_EXERCISE -> 404;
            case NOT_OPEN_YET, CLOSED, TIME_UP -> 403;
            case NO_ATTEMPTS_LEFT -> 409;
        };
        return HttpError.because(status, refused.reason().name().toLowerCase(Locale.ROOT), refused.message());
    }

    /** The candidate's JSON, each exercise with what the page needs to render and submit it. */
    private ObjectNode page(CandidateView view) {
        ObjectNode node = AssessmentJson.candidateView(view);
        for (JsonNode entry : node.get("exercises")) {
            exercises.detail(entry.get("id").asText()).ifPresent(detail -> ((ObjectNode) entry)
                    .put("prompt_html", detail.promptHtml())
                    .put("module", detail.module())
                    .put("file", detail.file())
                    .put("package", detail.packageAnswer()));
        }
        return node;
    }

    private static CandidateView found(Optional<CandidateView> view) {
        return view.orElseThrow(() -> HttpError.because(404, "unknown_link", UNKNOWN_LINK));
    }

    private static String token(Context ctx) {
        return ctx.pathParam("token");
    }

    private AssessmentService service() {
        return service.orElseThrow(() -> HttpError.notFound("this server runs no assessments"));
    }
}
