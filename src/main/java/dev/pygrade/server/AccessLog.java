package dev.pygrade.server;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * One line per request: when it ended, who asked, method, path, status and duration, e.g.
 * {@code 2026-11-29T06:01:02.345Z 127.0.0.1 POST /api/exercises/q09-lru-cache/submissions 200 812ms}.
 * The query string is left out: it is the client's, and may hold what should not be logged. A
 * candidate's link token is a credential in the path: the log names the route instead
 * ({@code GET /api/candidate/{token} 200}), and any segment that looks like a token is cut to its prefix.
 */
final class AccessLog {
    /** The segment that holds a candidate's link token, on the page and in the API. */
    private static final Pattern LINK = Pattern.compile("^(/a/|/api/candidate/)[^/]*");
    /** A token anywhere else (pasted into a wrong path): candidates' pgc_ and instructors' pgi_. */
    private static final Pattern TOKEN = Pattern.compile("(?<=/)(pg[ci]_)[^/]*");

    private final PrintWriter out;

    AccessLog(PrintWriter out) {
        this.out = out;
    }

    synchronized void record(String client, String method, String path, int status, long millis) {
        out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + client + " " + method + " "
                + printable(withoutSecrets(path)) + " " + status + " " + millis + "ms");
        out.flush();
    }

    /** The path with every token in it replaced: for the access log and the server's error log. */
    static String withoutSecrets(String path) {
        String routed = LINK.matcher(path).replaceFirst("$1{token}");
        return TOKEN.matcher(routed).replaceAll("$1***");
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
