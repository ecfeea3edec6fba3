package dev.pygrade.batch;

import dev.pygrade.report.CandidateResult;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** For logs (CI, pipes): a plain line every 10 seconds or every 10% of the batch, whichever comes first. */
public final class PeriodicProgress implements Progress {
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanos;
    private final ProgressCounter counter;
    private long lastPrinted;
    private int lastTenth;

    public PeriodicProgress(PrintWriter err, LongSupplier nanos) {
        this.err = err;
        this.nanos = nanos;
        this.counter = new ProgressCounter(nanos);
    }

    @Override
    public synchronized void started(int total) {
        counter.start(total);
        lastPrinted = nanos.getAsLong();
        print();
    }

    @Override
    public synchronized void graded(CandidateResult result) {
        counter.add(result);
        int tenth = (int) Math.floor(counter.fraction() * 10);
        if (tenth > lastTenth || nanos.getAsLong() - lastPrinted >= INTERVAL_NANOS) {
            lastTenth = tenth;
            print();
        }
    }

    @Override
    public synchronized void finished() {
        if (counter.total() > 0 && lastTenth < 10) {
            print();
        }
    }

    private void print() {
        err.println("pygrade: graded " + counter.line());
        err.flush();
        lastPrinted = nanos.getAsLong();
    }
}
