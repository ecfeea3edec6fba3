package dev.pygrade.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** /healthz for load balancers and /metrics for Prometheus. */
final class OperationsHandler implements HttpHandler {
    private final GradingQueue queue;
    private final ServerMetrics metrics;
    private final Supplier<ServerMetrics.Gauges> gauges;

    OperationsHandler(GradingQueue queue, ServerMetrics metrics, Supplier<ServerMetrics.Gauges> gauges) {
        this.queue = queue;
        this.metrics = metrics;
        this.gauges = gauges;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw HttpError.methodNotAllowed("GET", "HEAD");
        }
        switch (exchange.getRequestURI().getPath()) {
            case "/healthz" -> health(exchange);
            case "/metrics" -> Responses.send(exchange, 200, PrometheusText.CONTENT_TYPE,
                    metrics.render(gauges.get()).getBytes(StandardCharsets.UTF_8));
            default -> throw HttpError.notFound("nothing at " + exchange.getRequestURI().getPath());
        }
    }

    /** 200 while gradings are taken, 503 once shutting down, so that a balancer stops sending. */
    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean draining = queue.closing();
        body.put("status", draining ? "draining" : "ok");
        body.put("queued", queue.queued());
        body.put("running", queue.running());
        body.put("capacity", queue.capacity());
        Responses.json(exchange, draining ? 503 : 200, body);
    }
}
