package dev.pygrade.server;

import dev.pygrade.grading.Status;
import dev.pygrade.sandbox.PoolStats;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server counts for /metrics: gradings by status, their latency, refusals by
 * reason, HTTP responses by code. Gauges (queue, pool) are read when the page is rendered.
 */
final class ServerMetrics {
    /** Why a submission was not graded. */
    enum Refusal {
        BUSY("busy"), QUEUE_TIMEOUT("queue_timeout"), SHUTTING_DOWN("shutting_down"), OVERDUE("overdue");

        final String label;

        Refusal(String label) {
            this.label = label;
        }
    }

    /** The gauges at the moment of a scrape. */
    record Gauges(int queued, int running, int capacity, PoolStats pool, long workersReplaced) {
    }

    private final Map<Status, LongAdder> gradings = new ConcurrentHashMap<>();
    private final Map<Refusal, LongAdder> refusals = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> responses = new ConcurrentSkipListMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();

    ServerMetrics() {
        for (Status status : Status.values()) {
            gradings.put(status, new LongAdder());
        }
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, new LongAdder());
        }
    }

    void graded(Status status, double seconds) {
        gradings.get(status).increment();
        latency.observe(seconds);
    }

    void refused(Refusal refusal) {
        refusals.get(refusal).increment();
    }

    void responded(int code) {
        responses.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    String render(Gauges gauges) {
        PrometheusText text = new PrometheusText();
        text.family("pygrade_gradings_total", "counter", "Gradings finished, by the result's status.");
        for (Status status : Status.values()) {
            text.sample("pygrade_gradings_total", "status", status.wire(), gradings.get(status).sum());
        }
        text.histogram("pygrade_grading_duration_seconds",
                "Time from admission to result of a grading (queue wait included).", latency);
        text.family("pygrade_submissions_refused_total", "counter",
                "Submissions not graded: queue full (busy), waited too long (queue_timeout), shutting down, "
                        + "or no answer within the limits (overdue).");
        for (Refusal refusal : Refusal.values()) {
            text.sample("pygrade_submissions_refused_total", "reason", refusal.label, refusals.get(refusal).sum());
        }
        text.family("pygrade_queue_depth", "gauge", "Submissions admitted and waiting for a grading slot.")
                .sample("pygrade_queue_depth", gauges.queued());
        text.family("pygrade_gradings_in_flight", "gauge", "Gradings running now.")
                .sample("pygrade_gradings_in_flight", gauges.running());
        text.family("pygrade_queue_capacity", "gauge", "Submissions admitted at once (running plus waiting).")
                .sample("pygrade_queue_capacity", gauges.capacity());
        PoolStats pool = gauges.pool();
        text.family("pygrade_pool_contexts", "gauge", "GraalPy contexts in the pool, by state.")
                .sample("pygrade_pool_contexts", "state", "idle", pool.idle())
                .sample("pygrade_pool_contexts", "state", "leased", pool.leased());
        text.family("pygrade_pool_contexts_created_total", "counter", "GraalPy contexts created.")
                .sample("pygrade_pool_contexts_created_total", pool.created());
        text.family("pygrade_pool_contexts_reused_total", "counter", "Contexts handed out again after a verified grading.")
                .sample("pygrade_pool_contexts_reused_total", pool.reused());
        text.family("pygrade_pool_contexts_discarded_total", "counter",
                "Contexts closed because a grading left them unverifiable, dirty or retired.")
                .sample("pygrade_pool_contexts_discarded_total", pool.discarded());
        text.family("pygrade_workers_replaced_total", "counter",
                "Worker JVMs replaced after a crash, running out of memory, or a stranded thread.")
                .sample("pygrade_workers_replaced_total", gauges.workersReplaced());
        text.family("pygrade_http_responses_total", "counter", "HTTP responses, by status code.");
        Map<Integer, LongAdder> byCode = new TreeMap<>(responses);
        byCode.forEach((code, count) -> text.sample("pygrade_http_responses_total", "code", code.toString(), count.sum()));
        return text.toString();
    }
}
