package dev.pygrade.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The grading server: the page at /, the JSON API under /api/, /healthz and /metrics, over the
 * JDK's HTTP server. Requests are handled on virtual threads (they mostly wait for gradings);
 * gradings run through the bounded {@link GradingQueue}.
 */
public final class GradingServer {
    private final HttpServer http;
    private final GradingQueue queue;
    private final ExecutorService requests;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Duration drainTimeout;
    /** Null until stopped; then whether every admitted grading was answered. */
    private Boolean drainedAll;

    private GradingServer(HttpServer http, GradingQueue queue, ExecutorService requests, Duration drainTimeout) {
        this.http = http;
        this.queue = queue;
        this.requests = requests;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Binds and starts serving {@code exercises}, each graded under {@code limits}; the access
     * log and the server's own errors go to the writers given.
     */
    public static GradingServer start(ServerSettings settings, List<Exercise> exercises,
            Function<Exercise, Limits> limits, GradingBackend backend, PrintWriter accessLog, PrintWriter errors)
            throws IOException {
        ServerMetrics metrics = new ServerMetrics();
        GradingQueue queue = new GradingQueue(backend.grading(), settings.slots(), settings.waiting(),
                settings.queueTimeout(), metrics);
        HttpServer http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(requests);
        FrontDoor front = new FrontDoor(settings.corsOrigin(), new AccessLog(accessLog), errors, metrics);
        HttpHandler api = new ApiHandler(exercises, limits, queue, settings.maxRequestBytes(), new PromptRenderer(),
                StaticAssets.read("openapi.json"));
        HttpHandler operations = new OperationsHandler(queue, metrics, () -> new ServerMetrics.Gauges(queue.queued(),
                queue.running(), queue.capacity(), backend.poolStats().get(), backend.workersReplaced().getAsLong()));
        mount(http, "/", new StaticAssets(), front);
        mount(http, "/api/", api, front);
        mount(http, "/healthz", operations, front);
        mount(http, "/metrics", operations, front);
        http.start();
        return new GradingServer(http, queue, requests, settings.drainTimeout());
    }

    private static void mount(HttpServer http, String path, HttpHandler handler, FrontDoor front) {
        HttpContext context = http.createContext(path, handler);
        context.getFilters().add(front);
    }

    /** The address actually bound (port 0 picks a free one), as a URL for a browser. */
    public URI url() {
        InetSocketAddress address = http.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
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
        // The exchanges whose gradings just ended still write their answers: give them a moment.
        http.stop(2);
        requests.shutdown();
        drainedAll = drained;
        stopped.countDown();
        return drained;
    }

    /** Blocks until {@link #shutdown()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
