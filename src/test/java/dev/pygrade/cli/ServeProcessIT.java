package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.Poll;
import dev.pygrade.TestSandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `pygrade serve` as its own process, as a user starts it: it prints its URL, grades in a
 * worker JVM, and on SIGTERM finishes the grading under way, refuses new ones with 503, and
 * ends with its workers.
 */
class ServeProcessIT {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ");

    @Test
    void sigtermLetsTheGradingUnderWayFinishAndRefusesNewOnes(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Dpygrade.home=" + TestSandbox.home(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--workers", "1", "--data", dir.resolve("data").toString()));
        // stderr to a file: a pipe read while the process exits can lose its end to a "Stream closed"
        Path stderr = dir.resolve("stderr.txt");
        Process server = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String banner = out.readLine();
            Matcher url = URL.matcher(banner == null ? "" : banner);
            assertTrue(url.find(), "the URL is printed: " + banner);
            URI base = URI.create(url.group(1));
            HttpClient client = HttpClient.newHttpClient();
            assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            String reference = Files.readString(TestSandbox.home().resolve("exercises/q09-lru-cache/reference.py"));
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(submission(base, reference),
                    HttpResponse.BodyHandlers.ofString());
            awaitRunning(client, base);
            server.destroy(); // SIGTERM
            HttpResponse<String> refused = awaitRefusal(client, base, reference);
            assertEquals(503, refused.statusCode(), refused.body());
            HttpResponse<String> answered = inFlight.get(5, TimeUnit.MINUTES);
            assertEquals(200, answered.statusCode(), answered.body());
            assertTrue(answered.body().contains("\"status\":\"passed\""), answered.body());
            assertTrue(server.waitFor(2, TimeUnit.MINUTES), "the server ends after draining");
            String errors = Files.readString(stderr);
            assertTrue(errors.contains("pygrade: stopping: refusing new submissions"), errors);
            assertTrue(errors.contains("pygrade: stopped."), errors);
            assertTrue(Files.exists(dir.resolve("data/pygrade.db")), "the assessments' database is made on first start");
            assertTrue(server.descendants().noneMatch(ProcessHandle::isAlive), "no worker outlives the server");
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    private static HttpRequest submission(URI base, String source) {
        return HttpRequest.newBuilder(base.resolve("/api/exercises/q09-lru-cache/submissions"))
                .header("Content-Type", "text/x-python").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(source)).build();
    }

    /** Waits until the submission is admitted (queued or running), so that SIGTERM finds it under way. */
    private static void awaitRunning(HttpClient client, URI base) throws Exception {
        assertTrue(Poll.until(Duration.ofMinutes(2), () -> !client.send(HttpRequest.newBuilder(base.resolve("/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"queued\":0,\"running\":0")),
                "the submission was never admitted");
    }

    /** After SIGTERM the hook starts at once; a new submission gets 503 from then on. */
    private static HttpResponse<String> awaitRefusal(HttpClient client, URI base, String source) throws Exception {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        Poll.until(Duration.ofSeconds(30), () -> {
            last.set(client.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()));
            return last.get().statusCode() == 503;
        });
        return last.get().statusCode() == 503
                ? client.send(submission(base, source), HttpResponse.BodyHandlers.ofString()) : last.get();
    }

}
