package dev.pygrade.batch;

import dev.pygrade.grading.Status;
import dev.pygrade.report.CandidateResult;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Done / total, rate, ETA and results below full marks, as one line of text. Not thread-safe. */
final class ProgressCounter {
    private final LongSupplier nanos;
    private long started;
    private int total;
    private int done;
    private int notPassed;

    ProgressCounter(LongSupplier nanos) {
        this.nanos = nanos;
    }

    void start(int total) {
        this.total = total;
        this.started = nanos.getAsLong();
    }

    void add(CandidateResult result) {
        done++;
        if (result.result().status() != Status.PASSED) {
            notPassed++;
        }
    }

    int done() {
        return done;
    }

    int total() {
        return total;
    }

    double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    /** "12/40 (30%)  1.4/s  ETA 0:20  3 below full marks" */
    String line() {
        double seconds = (nanos.getAsLong() - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done == 0 || rate == 0 ? "--:--" : clock((total - done) / rate);
        return String.format(Locale.ROOT, "%d/%d (%d%%)  %.2f/s  ETA %s  %d below full marks", done, total,
                Math.round(fraction() * 100), rate, eta, notPassed);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
