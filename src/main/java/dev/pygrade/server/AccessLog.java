package dev.pygrade.server;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line per request: when it ended, who asked, method, path, status and duration, e.g.
 * {@code 2026-11-29T06:01:02.345Z 127.0.0.1 POST /api/exercises/q09-lru-cache/submissions 200 812ms}.
 * The query string is left out: it is the client's, and may hold what should not be logged.
 */
final class AccessLog {
    private final PrintWriter out;

    AccessLog(PrintWriter out) {
        this.out = out;
    }

    synchronized void record(String client, String method, String path, int status, long millis) {
        out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + client + " " + method + " " + printable(path)
                + " " + status + " " + millis + "ms");
        out.flush();
    }

    /** A path is the client's text: control characters would forge log lines. */
    private static String printable(String path) {
        StringBuilder clean = new StringBuilder(path.length());
        path.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == ' ') {
                clean.append(String.format("%%%02X", c));
            } else {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString();
    }
}
