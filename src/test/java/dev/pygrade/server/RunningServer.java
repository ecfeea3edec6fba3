package dev.pygrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.ServiceSettings;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.Grading;
import dev.pygrade.sandbox.PoolStats;
import dev.pygrade.store.Database;
import dev.pygrade.store.DatabaseLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A real server on a random loopback port, and a client for it; closing it shuts it down. With
 * assessments, it runs an {@link AssessmentService} on the database given, as pygrade serve does.
 */
final class RunningServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final GradingServer server;
    private final ServerSettings settings;
    final URI base;
    final StringWriter accessLog = new StringWriter();
    final StringWriter errors = new StringWriter();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The assessment service (null without assessments) and its database. */
    final AssessmentService assessments;
    private final Database database;
    private boolean stopped;

    private RunningServer(ServerSettings settings, List<Exercise> exercises, Function<Exercise, Limits> limits,
            GradingBackend backend, Database database, AssessmentService assessments) throws IOException {
        this.server = GradingServer.start(settings, exercises, limits, backend, Optional.ofNullable(assessments),
                new PrintWriter(accessLog, true), new PrintWriter(errors, true));
        this.base = server.url();
        this.settings = settings;
        this.database = database;
        this.assessments = assessments;
    }

    private RunningServer(ServerSettings settings, List<Exercise> exercises, Function<Exercise, Limits> limits,
            GradingBackend backend) throws IOException {
        this(settings, exercises, limits, backend, null, null);
    }

    /**
     * A server with assessments stored at {@code location}, judged by {@code clock}, graded by
     * {@code grading} (the same grading as the practice API's, as in pygrade serve).
     */
    static RunningServer withAssessments(ServerSettings settings, Grading grading, DatabaseLocation location,
            Clock clock) throws IOException {
        Database database = Database.open(location);
        AssessmentService service = new AssessmentService(database, TestSandbox.exercises(), grading,
                ServiceSettings.defaults().withClock(clock).withGrading(2, 8));
        service.start();
        return new RunningServer(settings, TestSandbox.exercises().all(), Exercise::limits,
                new GradingBackend(grading, () -> new PoolStats(1, 2, 30, 20, 4), () -> 3), database, service);
    }

    ServerSettings settings() {
        return settings;
    }

    static RunningServer start(ServerSettings settings, Grading grading) throws IOException {
        return start(settings, grading, Exercise::limits);
    }

    static RunningServer start(ServerSettings settings, Grading grading, Function<Exercise, Limits> limits)
            throws IOException {
        return new RunningServer(settings, TestSandbox.exercises().all(), limits,
                new GradingBackend(grading, () -> new PoolStats(1, 2, 30, 20, 4), () -> 3));
    }

    static RunningServer start(ServerSettings settings, GradingBackend backend) throws IOException {
        return new RunningServer(settings, TestSandbox.exercises().all(), Exercise::limits, backend);
    }

    static ServerSettings settings(int slots, int waiting) {
        return ServerSettings.defaults("127.0.0.1", 0, slots).withQueue(waiting, Duration.ofSeconds(60));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    HttpResponse<String> submitPython(String exercise, String source) throws IOException, InterruptedException {
        return post("/api/exercises/" + exercise + "/submissions", "text/x-python",
                source.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            server.shutdown();
            if (assessments != null) {
                assessments.close();
                database.close();
            }
        }
    }
}
