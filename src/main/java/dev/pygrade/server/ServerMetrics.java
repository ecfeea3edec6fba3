package dev.pygrade.server;

import dev.pygrade.grading.Status;
import dev.pygrade.sandbox.PoolStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the server counts for /metrics, in Micrometer's Prometheus registry: gradings by status,
 * their latency, refusals by reason, HTTP responses by code. Gauges (queue, pool) are read when
 * the page is rendered, once per scrape.
 */
final class ServerMetrics {
    /** The Prometheus text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** From a warm pool's tens of milliseconds to a fresh context's seconds and a timeout's minute. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

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

    /**
     * Prometheus' client drops a "_created" suffix from names (OpenMetrics gives every counter a
     * series of that name); pygrade_pool_contexts_created_total keeps the name it has always had.
     */
    private static final class Names extends PrometheusNamingConvention {
        @Override
        public String name(String name, Meter.Type type, String baseUnit) {
            String converted = super.name(name, type, baseUnit);
            return name.endsWith(".created") ? converted + "_created" : converted;
        }
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
            .throwExceptionOnRegistrationFailure();
    private final Map<Status, Counter> gradings = new EnumMap<>(Status.class);
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
    private final Timer latency;
    private volatile Gauges scraped = new Gauges(0, 0, 0, PoolStats.NONE, 0);

    ServerMetrics() {
        registry.config().namingConvention(new Names());
        for (Status status : Status.values()) {
            gradings.put(status, Counter.builder("pygrade.gradings").tag("status", status.wire())
                    .description("Gradings finished, by the result's status.").register(registry));
        }
        latency = Timer.builder("pygrade.grading.duration").serviceLevelObjectives(LATENCY_BUCKETS)
                .description("Time from admission to result of a grading (queue wait included).").register(registry);
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, Counter.builder("pygrade.submissions.refused").tag("reason", refusal.label)
                    .description("Submissions not graded: queue full (busy), waited too long (queue_timeout), "
                            + "shutting down, or no answer within the limits (overdue).")
                    .register(registry));
        }
        gauge("pygrade.queue.depth", "Submissions admitted and waiting for a grading slot.", Gauges::queued);
        gauge("pygrade.gradings.in.flight", "Gradings running now.", Gauges::running);
        gauge("pygrade.queue.capacity", "Submissions admitted at once (running plus waiting).", Gauges::capacity);
        for (String state : new String[] {"idle", "leased"}) {
            Gauge.builder("pygrade.pool.contexts", this, metrics -> state.equals("idle")
                    ? metrics.scraped.pool().idle() : metrics.scraped.pool().leased())
                    .tag("state", state).description("GraalPy contexts in the pool, by state.").register(registry);
        }
        counter("pygrade.pool.contexts.created", "GraalPy contexts created.", gauges -> gauges.pool().created());
        counter("pygrade.pool.contexts.reused", "Contexts handed out again after a verified grading.",
                gauges -> gauges.pool().reused());
        counter("pygrade.pool.contexts.discarded",
                "Contexts closed because a grading left them unverifiable, dirty or retired.",
                gauges -> gauges.pool().discarded());
        counter("pygrade.workers.replaced",
                "Worker JVMs replaced after a crash, running out of memory, or a stranded thread.",
                Gauges::workersReplaced);
    }

    private void gauge(String name, String description, ToDoubleFunction<Gauges> value) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.scraped)).description(description)
                .register(registry);
    }

    /** A counter kept elsewhere (the pools, the worker supervisor), read at each scrape. */
    private void counter(String name, String description, ToDoubleFunction<Gauges> value) {
        FunctionCounter.builder(name, this, metrics -> value.applyAsDouble(metrics.scraped)).description(description)
                .register(registry);
    }

    void graded(Status status, Duration took) {
        gradings.get(status).increment();
        latency.record(took);
    }

    void refused(Refusal refusal) {
        refusals.get(refusal).increment();
    }

    void responded(int code) {
        Counter.builder("pygrade.http.responses").tag("code", Integer.toString(code))
                .description("HTTP responses, by status code.").register(registry).increment();
    }

    /** The page for Prometheus, with the gauges as they are now. */
    synchronized String render(Gauges gauges) {
        scraped = gauges;
        return registry.scrape(CONTENT_TYPE);
    }
}
