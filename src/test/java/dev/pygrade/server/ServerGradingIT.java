package dev.pygrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.Poll;
import dev.pygrade.TestSandbox;
import dev.pygrade.cli.Pygrade;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.validation.FixtureExpectation;
import dev.pygrade.validation.FixtureSet;
import dev.pygrade.worker.WorkerPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real gradings over HTTP, in worker JVMs as `pygrade serve` runs them: hostile submissions get
 * the results recorded for them on the command line (fixtures/hostile/expected.json), a memory
 * bomb and an endless loop cost only their own requests, and the server keeps answering others.
 */
class ServerGradingIT {
    private static final Path HOSTILE = TestSandbox.fixtures().resolve("hostile");
    private static final Map<String, FixtureExpectation> RECORDED = new LinkedHashMap<>();
    private static WorkerPool workers;
    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        FixtureSet.load(HOSTILE).expectations().forEach(e -> RECORDED.put(e.submission(), e));
        workers = new WorkerPool(3, 1024L * 1024 * 1024, TestSandbox.home());
        warmUp();
        running = RunningServer.start(RunningServer.settings(3, 16),
                new GradingBackend(workers, workers::poolStats, workers::replaced));
    }

    /** Starts the three worker JVMs (as `pygrade serve` does), so that timings below are gradings'. */
    private static void warmUp() throws Exception {
        Exercise lru = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
        var reference = dev.pygrade.submission.SubmissionReader.read(lru.reference(), lru.module());
        ExecutorService starters = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                started.add(starters.submit(() -> workers.grade(lru, reference, lru.limits())));
            }
            for (Future<?> start : started) {
                start.get(5, TimeUnit.MINUTES);
            }
        } finally {
            starters.shutdownNow();
        }
    }

    @AfterAll
    static void stop() {
        running.close();
        workers.close();
    }

    @Test
    void hostileSubmissionsGetTheirRecordedResultsWhileTheServerKeepsAnswering() throws Exception {
        List<String> attacks = List.of("memory_bomb_call.py", "loop_import.py", "os_exit_import.py",
                "forge_replace_exceptions.py", "exit_in_call.py");
        ExecutorService clients = Executors.newFixedThreadPool(attacks.size() + 1);
        try {
            Map<String, Future<Timed>> hostile = new LinkedHashMap<>();
            for (String attack : attacks) {
                hostile.put(attack, clients.submit(() -> timed(() -> running.submitPython("q09-lru-cache",
                        Files.readString(HOSTILE.resolve(attack))))));
            }
            Exercise lru = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
            String reference = Files.readString(lru.reference());
            Future<Timed> correct = clients.submit(() -> timed(() -> running.submitPython("q09-lru-cache", reference)));

            // While the attacks are being graded, the rest of the server answers at once.
            assertTrue(Poll.until(Duration.ofMinutes(1),
                    () -> RunningServer.json(running.get("/healthz")).get("running").asInt() > 0),
                    "the attacks are being graded");
            for (int i = 0; i < 5; i++) {
                Timed list = timed(() -> running.get("/api/exercises"));
                assertEquals(200, list.response().statusCode());
                assertTrue(list.millis() < 5000, "the list took " + list.millis() + " ms during the attacks");
                assertEquals(200, running.get("/healthz").statusCode());
            }

            List<String> wrong = new ArrayList<>();
            for (var attack : hostile.entrySet()) {
                Timed answer = attack.getValue().get(5, TimeUnit.MINUTES);
                String mismatch = mismatch(RECORDED.get(attack.getKey()), answer.response());
                if (mismatch != null) {
                    wrong.add(attack.getKey() + ": " + mismatch);
                }
                long promised = running.settings().queueTimeout().plus(lru.limits().totalTimeout())
                        .plus(lru.limits().checkTimeout()).plus(GradingQueue.ANSWER_MARGIN).toMillis();
                assertTrue(answer.millis() < promised, attack.getKey() + " took " + answer.millis() + " ms");
            }
            // The endless loop was stopped at its check's time limit, by its own worker: its result
            // says so, and came before the total limit (a loop left running has its worker killed
            // at the total limit plus the check limit plus a margin). Its duration_ms cannot be held
            // to the check limit: it also counts leasing a sandbox, which can mean building one on
            // a loaded machine (one CI run, before workers warmed a context ahead of their first
            // job: 26.5 s, of which the loop was about 5 s).
            JsonNode loop = RunningServer.json(hostile.get("loop_import.py").get().response());
            assertEquals("importing the submission took longer than "
                    + lru.limits().checkTimeout().toSeconds() + " s (an endless loop or a long computation at the top level?)",
                    loop.get("error").get("message").asText(), loop.toString());
            assertTrue(loop.get("duration_ms").asLong() < lru.limits().totalTimeout().toMillis(), loop.toString());
            assertEquals(List.of(), wrong);
            JsonNode full = RunningServer.json(correct.get(5, TimeUnit.MINUTES).response());
            assertEquals("passed", full.get("status").asText(), full.toString());
            assertEquals(10.0, full.get("score").asDouble());

            Map<String, Double> metrics = PrometheusFormat.parse(running.get("/metrics").body());
            assertTrue(metrics.get("pygrade_gradings_total{status=\"memory\"}") >= 1, metrics.toString());
            assertTrue(metrics.get("pygrade_gradings_total{status=\"timeout\"}") >= 1, metrics.toString());
            assertTrue(metrics.get("pygrade_pool_contexts_created_total") >= 1, "workers report their pools");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aSubmissionGetsOverHttpExactlyWhatTheCommandLineGives() throws Exception {
        Path attack = HOSTILE.resolve("os_exit_import.py");
        StringWriter out = new StringWriter();
        int code = Pygrade.run(new String[] {"grade", "q09-lru-cache", attack.toString(), "--format", "json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()), TestSandbox.services());
        assertEquals(1, code);
        // The command line names the file as given; the API names it after the exercise's module.
        JsonNode cli = RunningServer.JSON.readTree(out.toString().replace("os_exit_import.py", "solution.py"));
        JsonNode http = RunningServer.json(running.submitPython("q09-lru-cache", Files.readString(attack)));
        for (String field : List.of("schema", "exercise", "status", "score", "max_score", "error", "checks")) {
            assertEquals(withoutVolatile(cli.get(field)), withoutVolatile(http.get(field)), field);
        }
    }

    @Test
    void answersTheCommandLineRefusesUnreadAreRefusedWithTheSameReason() throws Exception {
        for (String unreadable : List.of("not_utf8.py", "binary.py", "empty.py")) {
            StringWriter err = new StringWriter();
            Path file = HOSTILE.resolve(unreadable);
            int code = Pygrade.run(new String[] {"grade", "q09-lru-cache", file.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err), TestSandbox.services());
            assertEquals(2, code);
            String reason = err.toString().lines().findFirst().orElseThrow().replaceFirst(".*: error: ", "");
            HttpResponse<String> refused = running.post("/api/exercises/q09-lru-cache/submissions", "text/x-python",
                    Files.readAllBytes(file));
            ServerApiTest.assertRefused(refused, 400, reason);
        }
    }

    /** Only the timings may differ. */
    private static JsonNode withoutVolatile(JsonNode node) {
        if (node == null || !node.isObject()) {
            return node;
        }
        var copy = node.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("duration_ms");
        return copy;
    }

    private static String mismatch(FixtureExpectation expected, HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode() + ": " + response.body();
        }
        JsonNode result = RunningServer.json(response);
        if (!result.get("status").asText().equals(expected.status().wire())) {
            return "status " + result.get("status").asText() + ", recorded " + expected.status().wire();
        }
        if (result.get("score").asDouble() != expected.score()) {
            return "score " + result.get("score").asDouble() + ", recorded " + expected.score();
        }
        if (expected.notPassed() != null) {
            Set<String> notPassed = new HashSet<>();
            result.get("checks").forEach(check -> {
                if (!check.get("status").asText().equals("passed")) {
                    notPassed.add(check.get("name").asText());
                }
            });
            if (!notPassed.equals(expected.notPassed())) {
                return "not passed " + notPassed + ", recorded " + expected.notPassed();
            }
        }
        return null;
    }

    record Timed(HttpResponse<String> response, long millis) {
    }

    interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private static Timed timed(Request request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = request.send();
        return new Timed(response, (System.nanoTime() - started) / 1_000_000);
    }
}
