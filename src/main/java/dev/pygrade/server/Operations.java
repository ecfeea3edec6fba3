package dev.pygrade.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** /healthz for load balancers and /metrics for Prometheus. */
final class Operations {
    private final GradingQueue queue;
    private final ServerMetrics metrics;
    private final Supplier<ServerMetrics.Gauges> gauges;

    Operations(GradingQueue queue, ServerMetrics metrics, Supplier<ServerMetrics.Gauges> gauges) {
        this.queue = queue;
        this.metrics = metrics;
        this.gauges = gauges;
    }

    /** 200 while gradings are taken, 503 once shutting down, so that a balancer stops sending. */
    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean draining = queue.closing();
        body.put("status", draining ? "draining" : "ok");
        body.put("queued", queue.queued());
        body.put("running", queue.running());
        body.put("capacity", queue.capacity());
        Responses.json(ctx, draining ? 503 : 200, body);
    }

    void metrics(Context ctx) {
        Responses.send(ctx, 200, ServerMetrics.CONTENT_TYPE,
                metrics.render(gauges.get()).getBytes(StandardCharsets.UTF_8));
    }
}
