package dev.pygrade.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What every request goes through: safe headers, CORS only for the one origin allowed, a
 * refusal turned into its JSON body, any other failure into a 500 whose body says nothing of
 * the server's insides (the trace goes to the server's log), and the access log line.
 */
final class FrontDoor extends Filter {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Optional<String> corsOrigin;
    private final AccessLog accessLog;
    private final PrintWriter errors;
    private final ServerMetrics metrics;

    FrontDoor(Optional<String> corsOrigin, AccessLog accessLog, PrintWriter errors, ServerMetrics metrics) {
        this.corsOrigin = corsOrigin;
        this.accessLog = accessLog;
        this.errors = errors;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long started = System.nanoTime();
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", CSP);
        try {
            if (corsOrigin.isPresent()) {
                headers.set("Access-Control-Allow-Origin", corsOrigin.get());
                headers.set("Vary", "Origin");
                if (exchange.getRequestMethod().equals("OPTIONS")) {
                    headers.set("Access-Control-Allow-Methods", "GET, HEAD, POST");
                    headers.set("Access-Control-Allow-Headers", "Content-Type");
                    headers.set("Access-Control-Max-Age", "600");
                    Responses.send(exchange, 204, "text/plain", new byte[0]);
                    return;
                }
            }
            chain.doFilter(exchange);
        } catch (HttpError refusal) {
            respond(exchange, refusal);
        } catch (RuntimeException | IOException | Error failure) {
            errors.println("pygrade serve: internal error on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + ": " + failure);
            failure.printStackTrace(errors);
            errors.flush();
            respond(exchange, new HttpError(500, "internal error in the grading server; it has been logged"));
        } finally {
            int status = exchange.getResponseCode(); // -1: the client left before any answer
            if (status > 0) {
                metrics.responded(status);
            }
            accessLog.record(exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), status, (System.nanoTime() - started) / 1_000_000);
            exchange.close();
        }
    }

    /** Refuses, unless the response was already under way (then the connection just closes). */
    private static void respond(HttpExchange exchange, HttpError refusal) throws IOException {
        if (exchange.getResponseCode() == -1) {
            Responses.error(exchange, refusal);
        }
    }

    @Override
    public String description() {
        return "pygrade: safe headers, CORS, errors as JSON, access log";
    }
}
