package dev.pygrade.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.report.JsonReporter;
import dev.pygrade.submission.Submission;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON API under /api/: the exercises a candidate may see, and submissions graded through
 * the queue, answered with the result schema of {@code grade --format json}. See docs/api.md.
 */
final class ApiHandler implements HttpHandler {
    private static final Pattern EXERCISE = Pattern.compile("/api/exercises/([^/]+)");
    private static final Pattern SUBMISSIONS = Pattern.compile("/api/exercises/([^/]+)/submissions");

    private final Map<String, Exercise> exercises;
    private final Function<Exercise, Limits> limits;
    private final GradingQueue queue;
    private final int maxRequestBytes;
    private final List<ExerciseView> summaries;
    private final Map<String, ExerciseView> details = new LinkedHashMap<>();
    private final byte[] openApi;

    ApiHandler(List<Exercise> exercises, Function<Exercise, Limits> limits, GradingQueue queue, int maxRequestBytes,
            PromptRenderer renderer, byte[] openApi) {
        this.exercises = new LinkedHashMap<>();
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

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/api/openapi.json")) {
            requireRead(method);
            Responses.send(exchange, 200, Responses.JSON_TYPE, openApi);
            return;
        }
        if (path.equals("/api/exercises") || path.equals("/api/exercises/")) {
            requireRead(method);
            Responses.json(exchange, 200, Map.of("exercises", summaries));
            return;
        }
        Matcher submissions = SUBMISSIONS.matcher(path);
        if (submissions.matches()) {
            if (!method.equals("POST")) {
                throw HttpError.methodNotAllowed("POST");
            }
            submit(exchange, exercise(submissions.group(1)));
            return;
        }
        Matcher exercise = EXERCISE.matcher(path);
        if (exercise.matches()) {
            requireRead(method);
            Responses.json(exchange, 200, details.get(exercise(exercise.group(1)).id()));
            return;
        }
        throw HttpError.notFound("no such API resource: " + path + " (see /api/openapi.json)");
    }

    private void submit(HttpExchange exchange, Exercise exercise) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = Responses.body(exchange, maxRequestBytes);
        Submission submission = SubmissionBody.parse(contentType, body, exercise);
        switch (queue.grade(exercise, submission, limits.apply(exercise))) {
            case GradingOutcome.Graded graded -> Responses.rawJson(exchange, 200, JsonReporter.toJson(graded.result()));
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

    private Exercise exercise(String id) {
        Exercise exercise = exercises.get(id);
        if (exercise == null) {
            throw HttpError.notFound("no exercise '" + id + "' (GET /api/exercises lists them)");
        }
        return exercise;
    }

    private static void requireRead(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw HttpError.methodNotAllowed("GET", "HEAD");
        }
    }
}
