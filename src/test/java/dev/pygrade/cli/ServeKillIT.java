package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.AssessmentSpec;
import dev.pygrade.assessment.FeedbackLevel;
import dev.pygrade.assessment.Invitation;
import dev.pygrade.assessment.ServiceSettings;
import dev.pygrade.store.Database;
import dev.pygrade.store.DatabaseLocation;
import dev.pygrade.store.ResultRecord;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost: a real `pygrade serve` on a SQLite data folder takes several
 * submissions of an assessment, is killed with SIGKILL while they are pending (its worker JVMs end
 * with it), and, started again on the same folder, grades every one of them, once.
 */
class ServeKillIT {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LRU = "q09-lru-cache";
    private static final String WRONG = "def fibonacci(n):\n    return n\n";

    @Test
    void submissionsAcceptedBeforeASigkillAreAllGradedAfterTheRestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String reference = Files.readString(TestSandbox.home().resolve("exercises/" + LRU + "/reference.py"));
        List<Invitation> invited = withService(data, service -> {
            long id = service.create(new AssessmentSpec("Killed", List.of(LRU), Duration.ofHours(1), Optional.empty(),
                    Optional.empty(), 5, FeedbackLevel.FULL)).id();
            return service.invite(id, List.of("ada", "alan", "grace"));
        });

        Map<Long, String> accepted = new LinkedHashMap<>(); // submission id -> the status its answer earns
        Process first = serve(data, dir.resolve("first.txt"));
        List<ProcessHandle> workers;
        try {
            URI base = url(first);
            for (Invitation invitation : invited) {
                for (String answer : List.of(reference, WRONG)) {
                    HttpResponse<String> response = submit(base, invitation.token(), answer);
                    assertEquals(202, response.statusCode(), response.body());
                    accepted.put(JSON.readTree(response.body()).get("id").asLong(), answer.equals(WRONG) ? "failed" : "passed");
                }
            }
            workers = first.descendants().toList();
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
        }
        assertTrue(first.waitFor(1, TimeUnit.MINUTES));
        assertEquals(137, first.exitValue(), "killed by SIGKILL");
        assertTrue(!workers.isEmpty(), "the server had started its worker JVM");
        for (ProcessHandle worker : workers) {
            assertTrue(awaitEnd(worker, Duration.ofMinutes(2)), "worker " + worker.pid() + " outlived its killed server");
        }
        int pendingAfterKill = withService(data, AssessmentService::pendingCount);
        assertTrue(pendingAfterKill > 0, "the kill must find gradings pending for this test to prove anything");

        Process second = serve(data, dir.resolve("second.txt"));
        try {
            url(second);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // leases of 30 s, then the gradings
            while (withService(data, AssessmentService::pendingCount) > 0) {
                assertTrue(System.nanoTime() < deadline, "submissions still pending 5 minutes after the restart");
                Thread.sleep(500);
            }
            withService(data, service -> {
                for (Map.Entry<Long, String> submission : accepted.entrySet()) {
                    ResultRecord result = service.result(submission.getKey()).orElseThrow();
                    assertEquals(submission.getValue(), result.result().status().wire(), "submission "
                            + submission.getKey());
                    assertEquals(ResultRecord.Reason.SUBMISSION, result.reason());
                }
                for (Invitation invitation : invited) {
                    service.history(invitation.assessmentId(), invitation.candidateName()).forEach(history ->
                            assertEquals(1, history.gradings().size(), "graded once: " + history.submission().id()));
                }
                return null;
            });
            assertEquals(accepted.size(), invited.size() * 2);
            second.destroy(); // SIGTERM: a graceful stop
            assertTrue(second.waitFor(2, TimeUnit.MINUTES), "the restarted server stops on SIGTERM");
            String log = Files.readString(dir.resolve("second.txt"));
            assertTrue(log.contains("pygrade: stopped."), log);
        } finally {
            second.descendants().forEach(ProcessHandle::destroyForcibly);
            second.destroyForcibly();
        }
        System.err.println("ServeKillIT: " + pendingAfterKill + " of " + accepted.size()
                + " submissions were pending at the kill; all graded after the restart");
    }

    /** `pygrade serve` on the data folder, in a JVM of its own; stderr to a file. */
    private static Process serve(Path data, Path stderr) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Dpygrade.home=" + TestSandbox.home(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--workers", "1", "--data", data.toString()));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    /** The URL the server prints once it listens. */
    private static URI url(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String banner = out.readLine();
        Matcher url = URL.matcher(banner == null ? "" : banner);
        assertTrue(url.find(), "the URL is printed: " + banner);
        return URI.create(url.group(1));
    }

    private static HttpResponse<String> submit(URI base, String token, String answer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/candidate/" + token
                        + "/exercises/" + LRU + "/submissions")).header("Content-Type", "text/x-python")
                .timeout(Duration.ofMinutes(1)).POST(HttpRequest.BodyPublishers.ofString(answer)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean awaitEnd(ProcessHandle process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !process.isAlive();
    }

    /** Runs {@code work} on the data folder's database, beside a server or without one; grades nothing. */
    private static <T> T withService(Path data, Function<AssessmentService, T> work) {
        try (Database database = Database.open(DatabaseLocation.sqliteIn(data));
             AssessmentService service = new AssessmentService(database, TestSandbox.exercises(),
                     (exercise, submission, limits) -> {
                         throw new IllegalStateException("this test's own service never grades");
                     }, ServiceSettings.defaults())) {
            return work.apply(service);
        }
    }
}
