package dev.pygrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.TestSandbox;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

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
    void everyRouteIsDocumentedAndEveryDocumentedRouteIsAnswered() throws Exception {
        JsonNode paths = openApi().get("paths");
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4),
                new ServerApiTest.RecordingGrading())) {
            Set<GradingServer.Route> routed = withoutSlashAliases(running.server.routes());
            assertEquals(documented(paths), routed, "the routes in openapi.json (plus HEAD beside each GET) "
                    + "and the routes GradingServer declares");

            List<String> wrong = new ArrayList<>();
            for (var path : paths.properties()) {
                for (var operation : path.getValue().properties()) {
                    HttpResponse<String> answer = ask(running, operation.getKey(), path.getKey());
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

    /** The operation asked for real: q09-lru-cache for {id}, an answer for a POST. */
    private static HttpResponse<String> ask(RunningServer running, String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(running.base.resolve(path.replace("{id}", "q09-lru-cache")));
        if (method.equals("post")) {
            request.header("Content-Type", "text/x-python")
                    .POST(HttpRequest.BodyPublishers.ofString("def fibonacci(n):\n    return n\n"));
        } else {
            request.method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody());
        }
        return running.send(request);
    }
}
