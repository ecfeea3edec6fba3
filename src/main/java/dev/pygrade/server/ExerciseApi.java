package dev.pygrade.server;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.report.JsonReporter;
import dev.pygrade.submission.Submission;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON API under /api/: the exercises a candidate may see, and submissions graded through
 * the queue, answered with the result schema of {@code grade --format json}. See docs/api.md.
 */
final class ExerciseApi {
    private final Map<String, Exercise> exercises = new LinkedHashMap<>();
    private final Function<Exercise, Limits> limits;
    private final GradingQueue queue;
    private final int maxRequestBytes;
    private final List<ExerciseView> summaries;
    private final Map<String, ExerciseView> details = new LinkedHashMap<>();
    private final byte[] openApi;

    ExerciseApi(List<Exercise> exercises, Function<Exercise, Limits> limits, GradingQueue queue, int maxRequestBytes,
            PromptRenderer renderer, byte[] openApi) {
        exercises.forEach(exercise -> this.exercises.put(exercise.id(), exercise));
        this.limits = limits;
        this.queue = queue;
        this.maxRequestBytes = maxRequestBytes;
        this.summaries = exercises.stream().map(exercise -> ExerciseView.summary(exercise, limits.apply(exercise)))
                .toList();
        exercises.forEach(exercise -> details.put(exercise.id(),
                ExerciseView.detail(exercise, limits.apply(exercise), renderer)));
        this.openApi = openApi.clone();
    }

    void openApi(Context ctx) {
        Responses.send(ctx, 200, Responses.JSON_TYPE, openApi);
    }

    void list(Context ctx) {
        Responses.json(ctx, 200, Map.of("exercises", summaries));
    }

    void exercise(Context ctx) {
        Responses.json(ctx, 200, details.get(named(ctx).id()));
    }

    void submit(Context ctx) throws IOException {
        Exercise exercise = named(ctx);
        byte[] body = Responses.body(ctx, maxRequestBytes);
        Submission submission = SubmissionBody.parse(ctx.header("Content-Type"), body, exercise);
        switch (queue.grade(exercise, submission, limits.apply(exercise))) {
            case GradingOutcome.Graded graded -> Responses.rawJson(ctx, 200, JsonReporter.toJson(graded.result()));
            case GradingOutcome.Busy busy -> throw new HttpError(429,
                    "the grader is busy; try again in " + busy.retryAfterSeconds() + " s",
                    Map.of("Retry-After", Long.toString(busy.retryAfterSeconds())));
            case GradingOutcome.ShuttingDown down -> throw new HttpError(503,
                    "the server is shutting down and takes no new submissions");
            case GradingOutcome.Overdue overdue -> throw new HttpError(503,
                    "the grading did not answer within its time limits; try again later",
                    Map.of("Retry-After", Long.toString(overdue.retryAfterSeconds())));
        }
    }

    /** An exercise of the folder the server serves, by id. */
    Optional<Exercise> find(String id) {
        return Optional.ofNullable(exercises.get(id));
    }

    /** What a candidate may see of an exercise (its prompt rendered), by id. */
    Optional<ExerciseView> detail(String id) {
        return Optional.ofNullable(details.get(id));
    }

    /** The exercise the path names ({id}). */
    private Exercise named(Context ctx) {
        String id = ctx.pathParam("id");
        Exercise exercise = exercises.get(id);
        if (exercise == null) {
            throw HttpError.notFound("no exercise '" + id + "' (GET /api/exercises lists them)");
        }
        return exercise;
    }
}
