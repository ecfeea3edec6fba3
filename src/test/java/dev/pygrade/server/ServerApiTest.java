package dev.pygrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.Poll;
import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import dev.pygrade.submission.Submission;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The API against a real server on a random port, with a stand-in grading that answers at once
 * (or when a test lets it): routes, the result schema, every error status, backpressure and
 * shutdown, without paying for GraalPy. Real gradings over HTTP: {@link ServerGradingIT}.
 */
class ServerApiTest {
    /** Remembers what it was asked to grade and answers one passed check. */
    static final class RecordingGrading implements Grading {
        final Map<String, Submission> received = new ConcurrentHashMap<>();

        @Override
        public GradeResult grade(Exercise exercise, Submission submission, Limits limits) {
            received.put(exercise.id(), submission);
            return new GradeResult(exercise.id(), submission.label(), Status.PASSED, 1, 1, 3, null,
                    List.of(new CheckResult("works", "it works", CheckStatus.PASSED, 1, 1, "", "hi\n")));
        }
    }

    /** Holds every grading until released. */
    static final class GatedGrading implements Grading {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final RecordingGrading inner = new RecordingGrading();

        @Override
        public GradeResult grade(Exercise exercise, Submission submission, Limits limits) {
            started.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return inner.grade(exercise, submission, limits);
        }
    }

    private static final String SUBMIT = "/api/exercises/q09-lru-cache/submissions";

    @Test
    void listsEveryExerciseWithItsMetadata() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), new RecordingGrading())) {
            HttpResponse<String> response = running.get("/api/exercises");
            assertEquals(200, response.statusCode());
            assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            JsonNode exercises = RunningServer.json(response).get("exercises");
            assertEquals(TestSandbox.exercises().all().size(), exercises.size());
            JsonNode lru = find(exercises, "q09-lru-cache");
            assertEquals("Memoize Fibonacci with functools.lru_cache", lru.get("title").asText());
            assertEquals(9, lru.get("seed_question").asInt());
            assertEquals("2 years", lru.get("level").asText());
            assertEquals("solution.py", lru.get("file").asText());
            assertFalse(lru.get("package").asBoolean());
            assertTrue(find(exercises, "q02-module-vs-package").get("package").asBoolean());
            assertFalse(lru.has("prompt_html"), "the list leaves prompts out");
        }
    }

    @Test
    void oneExerciseHasItsPromptRenderedWithRawHtmlEscaped() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), new RecordingGrading())) {
            JsonNode lru = RunningServer.json(running.get("/api/exercises/q09-lru-cache"));
            assertTrue(lru.get("prompt_html").asText().contains("<h2>What to build</h2>"), lru.toString());
            assertTrue(lru.get("prompt_html").asText().contains("<code>functools.lru_cache</code>"));
            assertEquals(40.0, lru.get("limits").get("total_timeout_seconds").asDouble());
        }
        PromptRenderer renderer = new PromptRenderer();
        String html = renderer.toHtml("Hi <script>alert(1)</script> [x](javascript:alert(1)) `<b>`");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void aPythonBodyIsGradedAsTheExercisesModuleAndAnsweredWithTheResultSchema() throws Exception {
        RecordingGrading grading = new RecordingGrading();
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), grading)) {
            HttpResponse<String> response = running.post(SUBMIT, "text/x-python; charset=utf-8",
                    "def fibonacci(n):\n    return n\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode result = RunningServer.json(response);
            assertEquals("pygrade.result/2", result.get("schema").asText());
            assertEquals("passed", result.get("status").asText());
            assertEquals("hi\n", result.get("checks").get(0).get("output").asText());
            Submission received = grading.received.get("q09-lru-cache");
            assertEquals(List.of("solution.py"), List.copyOf(received.files().keySet()));
            assertEquals("def fibonacci(n):\n    return n\n", received.files().get("solution.py").text());
        }
    }

    @Test
    void aJsonBodyCarriesSeveralFiles() throws Exception {
        RecordingGrading grading = new RecordingGrading();
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), grading)) {
            String body = "{\"files\": {\"geometry/__init__.py\": \"from . import shapes\\n\", "
                    + "\"geometry/shapes.py\": \"def area(): return 1\\n\"}}";
            HttpResponse<String> response = running.post("/api/exercises/q02-module-vs-package/submissions",
                    "application/json", body.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), response.body());
            Submission received = grading.received.get("q02-module-vs-package");
            assertEquals(Map.of("geometry/__init__.py", "from . import shapes\n", "geometry/shapes.py",
                    "def area(): return 1\n"), Map.of("geometry/__init__.py",
                    received.files().get("geometry/__init__.py").text(), "geometry/shapes.py",
                    received.files().get("geometry/shapes.py").text()));
        }
    }

    @Test
    void badInputIs400WithAMessage() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), new RecordingGrading())) {
            assertRefused(running.post(SUBMIT, "application/json", "{not json".getBytes()), 400, "not valid JSON");
            assertRefused(running.post(SUBMIT, "application/json", "{\"file\": {}}".getBytes()), 400, "\"files\"");
            assertRefused(running.post(SUBMIT, "application/json", "{\"files\": {\"../evil.py\": \"x = 1\"}}".getBytes()),
                    400, "relative path");
            assertRefused(running.post(SUBMIT, "application/json", "{\"files\": {\"solution.py\": 3}}".getBytes()),
                    400, "must be a string");
            assertRefused(running.post(SUBMIT, "text/x-python", new byte[0]), 400, "is empty");
            assertRefused(running.post(SUBMIT, "text/x-python", "   \n".getBytes()), 400, "is empty");
            assertRefused(running.post(SUBMIT, "text/x-python", new byte[] {'x', '=', (byte) 0xff, '\n'}), 400,
                    "not UTF-8");
            assertRefused(running.post(SUBMIT, "text/x-python", new byte[] {'x', 0, '\n'}), 400, "binary");
        }
    }

    @Test
    void unknownThingsAre404() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), new RecordingGrading())) {
            assertRefused(running.get("/api/exercises/q99-nothing"), 404, "no exercise 'q99-nothing'");
            assertRefused(running.submitPython("q99-nothing", "x = 1\n"), 404, "no exercise");
            assertRefused(running.get("/api/nothing"), 404, "no such API resource");
            assertRefused(running.get("/nothing.html"), 404, "nothing at");
            assertRefused(running.get("/assets/../../etc/passwd"), 404, "");
            assertRefused(running.get("/metricsx"), 404, "");
        }
    }

    @Test
    void wrongMethodsAre405WithAllow() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), new RecordingGrading())) {
            HttpResponse<String> get = running.get(SUBMIT);
            assertRefused(get, 405, "use POST");
            assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
            HttpResponse<String> post = running.post("/api/exercises", "text/x-python", "x = 1".getBytes());
            assertRefused(post, 405, "GET");
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
            assertRefused(running.send(HttpRequest.newBuilder(running.base.resolve("/")).DELETE()), 405, "");
            assertRefused(running.send(HttpRequest.newBuilder(running.base.resolve("/healthz"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())), 405, "");
        }
    }

    @Test
    void aBodyOverTheCapIs413() throws Exception {
        ServerSettings small = RunningServer.settings(1, 4).withMaxRequestBytes(64 * 1024);
        RecordingGrading grading = new RecordingGrading();
        try (RunningServer running = RunningServer.start(small, grading)) {
            byte[] big = ("x = 1  # padding padding padding\n".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            assertRefused(running.post(SUBMIT, "text/x-python", big), 413, "larger than 64 KiB");
            assertTrue(grading.received.isEmpty());
        }
        // Under the request cap but over the reader's 1 MiB per file: 413 too, in the reader's words.
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), grading)) {
            byte[] big = ("x = 1  # padding padding padding\n".repeat(40_000)).getBytes(StandardCharsets.UTF_8);
            assertRefused(running.post(SUBMIT, "text/x-python", big), 413, "larger than 1024 KiB");
        }
    }

    @Test
    void anotherMediaTypeIs415() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), new RecordingGrading())) {
            assertRefused(running.post(SUBMIT, null, "x = 1".getBytes()), 415, "without a Content-Type");
            assertRefused(running.post(SUBMIT, "text/html", "x = 1".getBytes()), 415, "not text/html");
            assertRefused(running.post(SUBMIT, "text/x-python; charset=latin-1", "x = 1".getBytes()), 415,
                    "not latin-1");
        }
    }

    @Test
    void aFullQueueIs429WithRetryAfterAndNothingWaitsForEver() throws Exception {
        GatedGrading grading = new GatedGrading();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 1), grading)) {
            Future<HttpResponse<String>> first = clients.submit(() -> running.submitPython("q09-lru-cache", "x = 1\n"));
            assertTrue(grading.started.await(30, TimeUnit.SECONDS));
            Future<HttpResponse<String>> queued = clients.submit(() -> running.submitPython("q09-lru-cache", "x = 2\n"));
            awaitQueued(running, 1);
            HttpResponse<String> refused = running.submitPython("q09-lru-cache", "x = 3\n");
            assertRefused(refused, 429, "busy");
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1, "Retry-After: " + retryAfter);
            grading.release.countDown();
            assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(200, queued.get(30, TimeUnit.SECONDS).statusCode());
            assertTrue(running.get("/metrics").body().contains("pygrade_submissions_refused_total{reason=\"busy\"} 1"));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aSubmissionThatWaitedPastTheQueueTimeoutIsNotGradedButAnswered429() throws Exception {
        GatedGrading grading = new GatedGrading();
        ServerSettings settings = RunningServer.settings(1, 1).withQueue(1, Duration.ofMillis(300));
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (RunningServer running = RunningServer.start(settings, grading)) {
            Future<HttpResponse<String>> first = clients.submit(() -> running.submitPython("q09-lru-cache", "x = 1\n"));
            assertTrue(grading.started.await(30, TimeUnit.SECONDS));
            Future<HttpResponse<String>> late = clients.submit(() -> running.submitPython("q10-getattr", "x = 2\n"));
            awaitQueued(running, 1);
            long admittedBy = System.nanoTime();
            assertTrue(Poll.until(Duration.ofSeconds(10),
                    () -> System.nanoTime() - admittedBy > settings.queueTimeout().toNanos()),
                    "the queue timeout has passed since the submission was admitted");
            grading.release.countDown();
            assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
            HttpResponse<String> refused = late.get(30, TimeUnit.SECONDS);
            assertRefused(refused, 429, "busy");
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertFalse(grading.inner.received.containsKey("q10-getattr"), "a stale submission is not graded");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void shutdownRefusesNewSubmissionsWith503AndFinishesThoseUnderWay() throws Exception {
        GatedGrading grading = new GatedGrading();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), grading)) {
            Future<HttpResponse<String>> inFlight = clients.submit(() -> running.submitPython("q09-lru-cache",
                    "x = 1\n"));
            assertTrue(grading.started.await(30, TimeUnit.SECONDS));
            Future<Boolean> stopping = clients.submit(running.server::shutdown);
            Poll.until(Duration.ofSeconds(10), () -> running.get("/healthz").statusCode() == 503);
            HttpResponse<String> health = running.get("/healthz");
            assertEquals(503, health.statusCode());
            assertEquals("draining", RunningServer.json(health).get("status").asText());
            assertRefused(running.submitPython("q09-lru-cache", "x = 2\n"), 503, "shutting down");
            assertFalse(stopping.isDone(), "the server waits for the grading under way");
            grading.release.countDown();
            HttpResponse<String> answered = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, answered.statusCode());
            assertEquals("passed", RunningServer.json(answered).get("status").asText());
            assertTrue(stopping.get(30, TimeUnit.SECONDS), "every admitted grading was answered");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aFailureInsideTheServerIs500WithoutAStackTrace() throws Exception {
        Grading broken = (exercise, submission, limits) -> {
            throw new IllegalStateException("secret internals at dev.pygrade.Somewhere");
        };
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), broken)) {
            HttpResponse<String> response = running.submitPython("q09-lru-cache", "x = 1\n");
            assertRefused(response, 500, "internal error");
            assertFalse(response.body().contains("secret"), response.body());
            assertFalse(response.body().contains("at dev.pygrade"), response.body());
            assertTrue(running.errors.toString().contains("secret internals"), "the trace goes to the server's log");
        }
    }

    @Test
    void healthMetricsAndTheAccessLog() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(2, 4), new RecordingGrading())) {
            HttpResponse<String> health = running.get("/healthz");
            assertEquals(200, health.statusCode());
            assertEquals("ok", RunningServer.json(health).get("status").asText());
            running.submitPython("q09-lru-cache", "x = 1\n");
            running.get("/api/exercises/q99");
            HttpResponse<String> metrics = running.get("/metrics");
            assertEquals(200, metrics.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.headers().firstValue("Content-Type").orElse(""));
            Map<String, Double> samples = PrometheusFormat.parse(metrics.body());
            assertEquals(1.0, samples.get("pygrade_gradings_total{status=\"passed\"}"));
            assertEquals(0.0, samples.get("pygrade_gradings_total{status=\"memory\"}"));
            assertEquals(1.0, samples.get("pygrade_grading_duration_seconds_count"));
            assertEquals(1.0, samples.get("pygrade_grading_duration_seconds_bucket{le=\"+Inf\"}"));
            assertEquals(0.0, samples.get("pygrade_queue_depth"));
            assertEquals(6.0, samples.get("pygrade_queue_capacity"));
            assertEquals(1.0, samples.get("pygrade_pool_contexts{state=\"idle\"}"));
            assertEquals(2.0, samples.get("pygrade_pool_contexts{state=\"leased\"}"));
            assertEquals(4.0, samples.get("pygrade_pool_contexts_discarded_total"));
            assertEquals(3.0, samples.get("pygrade_workers_replaced_total"));
            assertEquals(1.0, samples.get("pygrade_http_responses_total{code=\"404\"}"));
            String log = running.accessLog.toString();
            assertTrue(log.lines().anyMatch(line -> line.matches(
                    "\\S+Z 127\\.0\\.0\\.1 POST /api/exercises/q09-lru-cache/submissions 200 \\d+ms")), log);
            assertTrue(log.lines().anyMatch(line -> line.contains(" GET /api/exercises/q99 404 ")), log);
        }
    }

    @Test
    void thePageAndItsAssetsAreServedWithSafeHeadersAndNoCorsByDefault() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), new RecordingGrading())) {
            HttpResponse<String> page = running.get("/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<textarea id=\"code\""));
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(page.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
            for (String asset : List.of("/assets/app.js", "/assets/highlight.js", "/assets/app.css", "/favicon.svg",
                    "/assets/editor.js", "/assets/candidate.js", "/assets/instructor.js")) {
                assertEquals(200, running.get(asset).statusCode(), asset);
            }
            assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no CDN, no network");
            JsonNode openApi = RunningServer.json(running.get("/api/openapi.json"));
            assertEquals("3.1.0", openApi.get("openapi").asText());
            assertNotNull(openApi.get("paths").get("/api/exercises/{id}/submissions").get("post"));
        }
    }

    @Test
    void corsOnlyForTheOriginGiven() throws Exception {
        ServerSettings settings = RunningServer.settings(1, 4).withCors(Optional.of("https://lms.example.org"));
        try (RunningServer running = RunningServer.start(settings, new RecordingGrading())) {
            HttpResponse<String> list = running.send(HttpRequest.newBuilder(running.base.resolve("/api/exercises"))
                    .header("Origin", "https://lms.example.org"));
            assertEquals("https://lms.example.org", list.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpResponse<String> preflight = running.send(HttpRequest.newBuilder(running.base.resolve(SUBMIT))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://lms.example.org")
                    .header("Access-Control-Request-Method", "POST"));
            assertEquals(204, preflight.statusCode());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        }
    }

    @Test
    void bindingBeyondLoopbackIsToldApart() {
        assertTrue(ServerSettings.defaults("127.0.0.1", 0, 1).localOnly());
        assertTrue(ServerSettings.defaults("localhost", 0, 1).localOnly());
        assertTrue(ServerSettings.defaults("::1", 0, 1).localOnly());
        assertFalse(ServerSettings.defaults("0.0.0.0", 0, 1).localOnly());
        assertFalse(ServerSettings.defaults("192.168.1.5", 0, 1).localOnly());
    }

    /**
     * No response of the server holds a hidden check or a reference solution: not whole, and not
     * any substantial line of one (unless the prompt itself shows that line to candidates).
     */
    @Test
    void noResponseContainsAReferenceSolutionOrHiddenChecks() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.settings(1, 4), new RecordingGrading())) {
            StringBuilder everything = new StringBuilder();
            for (String path : List.of("/", "/assets/app.js", "/assets/highlight.js", "/assets/app.css",
                    "/assets/editor.js", "/a/pgc_x", "/assets/candidate.js", "/instructor", "/assets/instructor.js",
                    "/api/openapi.json", "/api/exercises")) {
                everything.append(texts(running.get(path))).append('\n');
            }
            for (Exercise exercise : TestSandbox.exercises().all()) {
                everything.append(texts(running.get("/api/exercises/" + exercise.id()))).append('\n');
                everything.append(texts(running.submitPython(exercise.id(), "x = 1\n"))).append('\n');
            }
            String served = everything.toString();
            int linesChecked = 0;
            for (Exercise exercise : TestSandbox.exercises().all()) {
                String prompt = exercise.prompt();
                for (String secret : secrets(exercise)) {
                    assertFalse(served.contains(secret.strip()), exercise.id() + ": a whole secret file is served");
                    for (String line : secret.lines().map(String::strip).toList()) {
                        if (line.length() >= 40 && !prompt.contains(line)) {
                            linesChecked++;
                            assertFalse(served.contains(line), exercise.id() + ": served a line of its checks or "
                                    + "reference: " + line);
                        }
                    }
                }
            }
            assertTrue(linesChecked > 500, "only " + linesChecked + " lines checked");
        }
    }

    /** The reference solution's files and checks.py of an exercise. */
    private static List<String> secrets(Exercise exercise) throws java.io.IOException {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(exercise.checksSource());
        try (var files = java.nio.file.Files.walk(exercise.reference())) {
            for (var file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                texts.add(java.nio.file.Files.readString(file));
            }
        }
        return texts;
    }

    /** A JSON body's string values (decoded, as a client reads them), or the body itself. */
    private static String texts(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return response.body();
        }
        StringBuilder text = new StringBuilder();
        collect(RunningServer.json(response), text);
        return text.toString();
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if (node.isTextual()) {
            text.append(node.asText()).append('\n');
        }
        node.forEach(child -> collect(child, text));
        node.properties().forEach(field -> text.append(field.getKey()).append('\n'));
    }

    private static void awaitQueued(RunningServer running, int queued) throws Exception {
        assertTrue(Poll.until(Duration.ofSeconds(10),
                () -> RunningServer.json(running.get("/healthz")).get("queued").asInt() >= queued), "nothing queued");
    }

    static void assertRefused(HttpResponse<String> response, int status, String messagePart) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = RunningServer.json(response);
        assertEquals(status, body.get("status").asInt(), response.body());
        assertTrue(body.get("message").asText().contains(messagePart), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    private static JsonNode find(JsonNode exercises, String id) {
        for (JsonNode exercise : exercises) {
            if (exercise.get("id").asText().equals(id)) {
                return exercise;
            }
        }
        throw new AssertionError("no " + id + " in " + exercises);
    }
}
