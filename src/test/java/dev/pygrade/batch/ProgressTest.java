package dev.pygrade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress output on a fake clock. */
class ProgressTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void logsGetAPlainLineEveryTenthAndEveryTenSeconds() {
        StringWriter text = new StringWriter();
        PeriodicProgress progress = new PeriodicProgress(new PrintWriter(text), nanos::get);
        progress.started(100);
        for (int i = 0; i < 5; i++) {
            nanos.addAndGet(1_000_000_000L);
            progress.graded(ResultsLogTest.line("c" + i, i % 2));
        }
        assertEquals(1, text.toString().lines().count(), text.toString());
        nanos.addAndGet(10_000_000_000L);
        progress.graded(ResultsLogTest.line("slow", 1));
        assertEquals(2, text.toString().lines().count(), "every 10 s: " + text);
        for (int i = 6; i < 100; i++) {
            progress.graded(ResultsLogTest.line("c" + i, 1));
        }
        progress.finished();
        String last = text.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("pygrade: graded 100/100 (100%)"), last);
        assertTrue(last.contains("3 below full marks"), last);
        assertFalse(text.toString().contains("\r"));
        assertTrue(text.toString().lines().count() <= 13, text.toString());
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlace() {
        StringWriter text = new StringWriter();
        LiveProgressBar bar = new LiveProgressBar(new PrintWriter(text), nanos::get);
        bar.started(4);
        for (int i = 0; i < 4; i++) {
            nanos.addAndGet(500_000_000L);
            bar.graded(ResultsLogTest.line("c" + i, 1));
        }
        bar.finished();
        String out = text.toString();
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), out);
        assertTrue(out.contains("\r[########################] 4/4 (100%)  2.00/s  ETA 0:00"), out);
        assertTrue(out.endsWith(System.lineSeparator()));
    }
}
