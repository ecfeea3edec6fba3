package dev.pygrade.batch;

import dev.pygrade.report.CandidateResult;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** For a terminal: one line redrawn in place with \r (at most every 100 ms), ended at the finish. */
public final class LiveProgressBar implements Progress {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanos;
    private final ProgressCounter counter;
    private long lastDrawn = Long.MIN_VALUE;
    private int lastLength;

    public LiveProgressBar(PrintWriter err, LongSupplier nanos) {
        this.err = err;
        this.nanos = nanos;
        this.counter = new ProgressCounter(nanos);
    }

    @Override
    public synchronized void started(int total) {
        counter.start(total);
        draw();
    }

    @Override
    public synchronized void graded(CandidateResult result) {
        counter.add(result);
        if (nanos.getAsLong() - lastDrawn >= REDRAW_NANOS || counter.done() == counter.total()) {
            draw();
        }
    }

    @Override
    public synchronized void finished() {
        draw();
        err.println();
        err.flush();
    }

    private void draw() {
        int filled = (int) Math.round(counter.fraction() * WIDTH);
        String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + counter.line();
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
        lastDrawn = nanos.getAsLong();
    }
}
