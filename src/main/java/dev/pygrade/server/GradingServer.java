package dev.pygrade.server;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.head;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.pygrade.assessment.AssessmentException;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The grading server: the practice page at /, the candidate's page at /a/{token}, the
 * instructor's at /instructor, the JSON API under /api/, /healthz and /metrics, on Javalin
 * (Jetty). Requests are handled on virtual threads (they mostly wait for gradings); practice
 * gradings run through the bounded {@link GradingQueue}, an assessment's on its service's own lane.
 */
public final class GradingServer {
    /** After the drain, how long the listener waits for the answers still being written. */
    private static final Duration ANSWER_WRITE_GRACE = Duration.ofSeconds(2);

    /** A route the server answers: an HTTP method and a path, {id} for a path parameter. */
    record Route(String method, String path) {
    }

    private final Javalin http;
    private final URI url;
    private final GradingQueue queue;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Duration drainTimeout;
    /** Null until stopped; then whether every admitted grading was answered. */
    private Boolean drainedAll;

    private GradingServer(Javalin http, URI url, GradingQueue queue, Duration drainTimeout) {
        this.http = http;
        this.url = url;
        this.queue = queue;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Binds and starts serving {@code exercises}, each graded under {@code limits}, and the
     * assessments of {@code assessments} (which the caller starts and closes; without one, the
     * assessment routes answer 404); the access log and the server's own errors go to the writers given.
     */
    public static GradingServer start(ServerSettings settings, List<Exercise> exercises,
            Function<Exercise, Limits> limits, GradingBackend backend, Optional<AssessmentService> assessments,
            PrintWriter accessLog, PrintWriter errors) throws IOException {
        ServerMetrics metrics = new ServerMetrics();
        GradingQueue queue = new GradingQueue(backend.grading(), settings.slots(), settings.waiting(),
                settings.queueTimeout(), metrics);
        FrontDoor front = new FrontDoor(settings.corsOrigin(), settings.maxRequestBytes(), new AccessLog(accessLog),
                errors, metrics);
        ExerciseApi api = new ExerciseApi(exercises, limits, queue, settings.maxRequestBytes(), new PromptRenderer(),
                StaticAssets.read("openapi.json"));
        CandidateApi candidates = new CandidateApi(assessments, api, settings.maxRequestBytes());
        InstructorApi instructors = new InstructorApi(assessments);
        Operations operations = new Operations(queue, metrics, () -> new ServerMetrics.Gauges(queue.queued(),
                queue.running(), queue.capacity(), backend.poolStats().get(), backend.workersReplaced().getAsLong()));
        Javalin http = Javalin.create(config -> {
            configure(config, front);
            config.routes.apiBuilder(routes(api, candidates, instructors, operations));
        });
        try {
            http.start(settings.host(), settings.port());
        } catch (JavalinBindException taken) {
            http.stop();
            throw bindFailure(taken);
        }
        URI url = url(InetAddress.getByName(settings.host()), http.port());
        return new GradingServer(http, url, queue, settings.drainTimeout());
    }

    /** Every route, in one tree. HEAD is declared beside GET: Javalin alone would answer it empty. */
    private static EndpointGroup routes(ExerciseApi api, CandidateApi candidates, InstructorApi instructors,
            Operations operations) {
        return () -> {
            read("/", StaticAssets.file("index.html"));
            read("/a/{token}", StaticAssets.file("candidate.html")); // the page reads its token from its address
            read("/instructor", StaticAssets.file("instructor.html"));
            path("/assets", () -> {
                read("/app.css", StaticAssets.file("app.css"));
                read("/app.js", StaticAssets.file("app.js"));
                read("/editor.js", StaticAssets.file("editor.js"));
                read("/highlight.js", StaticAssets.file("highlight.js"));
                read("/candidate.js", StaticAssets.file("candidate.js"));
                read("/instructor.js", StaticAssets.file("instructor.js"));
            });
            read("/favicon.svg", StaticAssets.file("favicon.svg"));
            path("/api", () -> {
                read("/openapi.json", api::openApi);
                path("/exercises", () -> {
                    read("", api::list);
                    read("/", api::list); // the one path also answered with a trailing slash, as before
                    path("/{id}", () -> {
                        read("", api::exercise);
                        post("/submissions", api::submit);
                    });
                });
                path("/candidate/{token}", () -> {
                    read("", candidates::view);
                    post("/open", candidates::open);
                    post("/exercises/{id}/submissions", candidates::submit);
                    read("/submissions/{submission}", candidates::submission);
                });
                path("/instructor", () -> {
                    before(instructors::guard); // /api/instructor/*: the token first, whatever the path
                    path("/assessments", () -> {
                        read("", instructors::list);
                        post("", instructors::create);
                        path("/{assessment}", () -> {
                            post("/candidates", instructors::invite);
                            read("/candidates/{candidate}/submissions", instructors::submissions);
                            read("/results", instructors::results);
                            read("/export", instructors::export);
                            post("/regrade", instructors::regrade);
                            read("/similarity", instructors::similarity);
                        });
                    });
                });
            });
            read("/healthz", operations::health);
            read("/metrics", operations::metrics);
        };
    }

    private static void read(String path, Handler handler) {
        get(path, handler);
        head(path, handler);
    }

    private static void configure(JavalinConfig config, FrontDoor front) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.concurrency.useVirtualThreads = true;
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.http.prefer405over404 = true; // with Allow, as FrontDoor#unrouted writes it
        config.router.ignoreTrailingSlashes = false; // /healthz/ is not /healthz
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(front::unread);
            server.insertHandler(new GracefulHandler());
            server.setStopTimeout(ANSWER_WRITE_GRACE.toMillis());
        });
        config.routes.before(front::enter);
        config.routes.exception(HttpError.class, front::refused);
        config.routes.exception(AssessmentException.class, front::assessmentRefused);
        config.routes.exception(HttpResponseException.class, front::unrouted);
        config.routes.exception(Exception.class, front::failed);
        config.router.javaLangErrorHandler(front::crashed);
        config.requestLogger.http(front::leave);
    }

    /** The address that could not be bound, in the words of the JDK (such as "Address already in use"). */
    private static BindException bindFailure(JavalinBindException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        BindException bind = new BindException(failure.getMessage());
        bind.initCause(failure);
        return bind;
    }

    private static URI url(InetAddress address, int port) {
        String host = address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** The address actually bound (port 0 picks a free one), as a URL for a browser. */
    public URI url() {
        return url;
    }

    /** Every route the server answers, by path then method (before-handlers are no routes). */
    List<Route> routes() {
        return http.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }

    /**
     * Graceful stop: new submissions are refused with 503 at once, gradings admitted before
     * finish and are answered (up to the drain timeout), then the listener closes. Answers
     * whether every admitted grading was answered.
     */
    public synchronized boolean shutdown() {
        if (drainedAll != null) {
            return drainedAll; // a signal after an explicit stop: already done
        }
        boolean drained;
        try {
            drained = queue.drain(drainTimeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        http.stop(); // waits up to ANSWER_WRITE_GRACE for the answers of the gradings that just ended
        drainedAll = drained;
        stopped.countDown();
        return drained;
    }

    /** Blocks until {@link #shutdown()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
