package dev.pygrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.TestSandbox;
import dev.pygrade.assessment.AssessmentSpec;
import dev.pygrade.assessment.FeedbackLevel;
import dev.pygrade.assessment.MutableClock;
import dev.pygrade.store.TestDatabases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document (src/main/resources/dev/pygrade/web/openapi.json) against the routes the
 * server really has: every route is documented, every documented operation is routed, and each,
 * asked over HTTP, is answered with a status the document lists for it.
 */
class OpenApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Comparator<GradingServer.Route> ROUTE_ORDER = Comparator.comparing(GradingServer.Route::path)
            .thenComparing(GradingServer.Route::method);

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteIsAnswered(@TempDir Path folder) throws Exception {
        JsonNode paths = openApi().get("paths");
        try (RunningServer running = RunningServer.withAssessments(RunningServer.settings(1, 4),
                new ServerApiTest.RecordingGrading(), TestDatabases.sqlite(folder), new MutableClock(Instant.now()))) {
            Set<GradingServer.Route> routed = withoutSlashAliases(running.server.routes());
            assertEquals(documented(paths), routed, "the routes in openapi.json (plus HEAD beside each GET) "
                    + "and the routes GradingServer declares");

            Map<String, String> values = assessmentValues(running);
            List<String> wrong = new ArrayList<>();
            for (var path : paths.properties()) {
                for (var operation : path.getValue().properties()) {
                    HttpResponse<String> answer = ask(running, operation.getKey(), path.getKey(), values);
                    if (!operation.getValue().get("responses").has(Integer.toString(answer.statusCode()))) {
                        wrong.add(operation.getKey() + " " + path.getKey() + ": " + answer.statusCode()
                                + " is not among its documented responses");
                    }
                }
            }
            assertEquals(List.of(), wrong);
        }
    }

    @Test
    void theDocumentIsTheOneTheServerServes() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4),
                new ServerApiTest.RecordingGrading())) {
            assertEquals(openApi(), RunningServer.json(running.get("/api/openapi.json")));
        }
    }

    private static JsonNode openApi() throws Exception {
        return RunningServer.JSON.readTree(Files.readString(
                TestSandbox.home().resolve("src/main/resources/dev/pygrade/web/openapi.json")));
    }

    /** Every operation of the document, and HEAD beside each GET (the document's description says so). */
    private static Set<GradingServer.Route> documented(JsonNode paths) {
        Set<GradingServer.Route> routes = new TreeSet<>(ROUTE_ORDER);
        for (var path : paths.properties()) {
            for (String method : (Iterable<String>) () -> path.getValue().fieldNames()) {
                assertTrue(METHODS.contains(method), path.getKey() + ": not an HTTP method: " + method);
                routes.add(new GradingServer.Route(method.toUpperCase(Locale.ROOT), path.getKey()));
                if (method.equals("get")) {
                    routes.add(new GradingServer.Route("HEAD", path.getKey()));
                }
            }
        }
        return routes;
    }

    /**
     * A route with a trailing slash beside the same route without it (/api/exercises/) is one
     * resource, as the document says; a slashed route alone stays, and must be documented.
     */
    private static Set<GradingServer.Route> withoutSlashAliases(List<GradingServer.Route> routes) {
        Set<GradingServer.Route> distinct = new TreeSet<>(ROUTE_ORDER);
        for (GradingServer.Route route : routes) {
            String path = route.path();
            boolean alias = path.length() > 1 && path.endsWith("/")
                    && routes.contains(new GradingServer.Route(route.method(), path.substring(0, path.length() - 1)));
            if (!alias) {
                distinct.add(route);
            }
        }
        return distinct;
    }

    /**
     * What the path parameters stand for: an assessment of q09-lru-cache with a candidate who has
     * submitted once, and an instructor's token for the instructor's routes.
     */
    private static Map<String, String> assessmentValues(RunningServer running) throws Exception {
        long id = running.assessments.create(new AssessmentSpec("Routes", List.of("q09-lru-cache"),
                Duration.ofHours(1), Optional.empty(), Optional.empty(), 10, FeedbackLevel.FULL)).id();
        String token = running.assessments.invite(id, List.of("ada")).get(0).token();
        long submission = RunningServer.json(running.post("/api/candidate/" + token
                + "/exercises/q09-lru-cache/submissions", "text/x-python", "x = 1\n".getBytes())).get("id").asLong();
        running.assessments.awaitGraded(submission, Duration.ofSeconds(30));
        return Map.of("{id}", "q09-lru-cache", "{token}", token, "{assessment}", Long.toString(id),
                "{candidate}", "ada", "{submission}", Long.toString(submission),
                "bearer", running.assessments.createInstructorToken("routes").token());
    }

    /**
     * The operation asked for real, with the values of its path parameters: an answer for a POST
     * of an answer, a JSON body for an instructor's POST (with their token).
     */
    private static HttpResponse<String> ask(RunningServer running, String method, String path,
            Map<String, String> values) throws Exception {
        String concrete = path;
        for (var value : values.entrySet()) {
            concrete = concrete.replace(value.getKey(), value.getValue());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(running.base.resolve(concrete));
        if (path.startsWith("/api/instructor/")) {
            request.header("Authorization", "Bearer " + values.get("bearer"));
        }
        if (!method.equals("post")) {
            request.method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody());
        } else if (path.startsWith("/api/instructor/")) {
            String body = path.endsWith("/candidates") ? "{\"names\": [\"grace\"]}"
                    : path.endsWith("/assessments") ? "{\"name\": \"W\", \"exercises\": [\"q09-lru-cache\"], "
                    + "\"time_allowed_seconds\": 60}" : "{}";
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.header("Content-Type", "text/x-python")
                    .POST(HttpRequest.BodyPublishers.ofString("def fibonacci(n):\n    return n\n"));
        }
        return running.send(request);
    }
}
