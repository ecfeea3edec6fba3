package dev.pygrade.loadtest;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a load test found: verdicts right and wrong, submissions lost, latency and throughput. */
public record LoadReport(int planned, int answered, List<String> wrongVerdicts, int lost, long busyAnswers,
        long[] latenciesMillis, double wallSeconds) {

    public LoadReport {
        wrongVerdicts = List.copyOf(wrongVerdicts);
        latenciesMillis = latenciesMillis.clone();
        Arrays.sort(latenciesMillis);
    }

    public boolean passed() {
        return lost == 0 && wrongVerdicts.isEmpty() && answered == planned;
    }

    /** The nearest-rank percentile of the answered requests' latencies, in milliseconds. */
    public long percentile(double p) {
        if (latenciesMillis.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * latenciesMillis.length);
        return latenciesMillis[Math.max(0, Math.min(latenciesMillis.length - 1, rank - 1))];
    }

    public double throughput() {
        return wallSeconds <= 0 ? 0 : answered / wallSeconds;
    }

    public void write(PrintWriter out) {
        out.printf(Locale.ROOT, "submissions: %d planned, %d answered, %d lost, %d verdicts wrong%n", planned, answered,
                lost, wrongVerdicts.size());
        out.printf(Locale.ROOT, "busy (429, retried after Retry-After): %d%n", busyAnswers);
        out.printf(Locale.ROOT, "latency per answered request: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                percentile(50), percentile(90), percentile(99), percentile(100));
        out.printf(Locale.ROOT, "throughput: %.2f submissions/s over %.1f s%n", throughput(), wallSeconds);
        wrongVerdicts.stream().limit(20).forEach(line -> out.println("  wrong: " + line));
        out.println(passed() ? "load test: passed" : "load test: FAILED");
        out.flush();
    }
}
