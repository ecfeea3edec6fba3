package dev.pygrade.server;

import dev.pygrade.assessment.AssessmentException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What every request goes through: safe headers, CORS only for the one origin allowed, a body
 * over the cap refused unread, a refusal turned into its JSON body, any other failure into a 500
 * whose body says nothing of the server's insides (the trace goes to the server's log), and the
 * access log line. Candidates' and instructors' pages and APIs are never stored by a cache.
 */
final class FrontDoor {
    /** Paths whose answers belong to one person (a candidate's link, an instructor's token): no-store. */
    private static final List<String> PRIVATE = List.of("/a/", "/api/candidate/", "/instructor", "/api/instructor/");

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final HttpError INTERNAL = new HttpError(500,
            "internal error in the grading server; it has been logged");

    private final Optional<String> corsOrigin;
    private final int maxRequestBytes;
    private final AccessLog accessLog;
    private final PrintWriter errors;
    private final ServerMetrics metrics;

    FrontDoor(Optional<String> corsOrigin, int maxRequestBytes, AccessLog accessLog, PrintWriter errors,
            ServerMetrics metrics) {
        this.corsOrigin = corsOrigin;
        this.maxRequestBytes = maxRequestBytes;
        this.accessLog = accessLog;
        this.errors = errors;
        this.metrics = metrics;
    }

    /**
     * Before any route: the headers every response carries, no-store for private paths, a
     * declared body over the cap refused (every route that reads a body caps it again as it
     * reads, for chunked bodies), and CORS preflights answered.
     */
    void enter(Context ctx) {
        safeHeaders(ctx::header);
        String path = ctx.path();
        if (PRIVATE.stream().anyMatch(path::startsWith)) {
            ctx.header("Cache-Control", "no-store");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw Responses.refuseLarge(ctx, declared, maxRequestBytes);
        }
        if (corsOrigin.isPresent() && ctx.req().getMethod().equals("OPTIONS")) {
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD, POST");
            ctx.header("Access-Control-Allow-Headers", "Content-Type");
            ctx.header("Access-Control-Max-Age", "600");
            Responses.send(ctx, 204, "text/plain", new byte[0]);
            ctx.skipRemainingHandlers();
        }
    }

    /** What every response carries: safe headers, and CORS for the origin allowed. */
    private void safeHeaders(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Content-Security-Policy", CSP);
        corsOrigin.ifPresent(origin -> {
            header.accept("Access-Control-Allow-Origin", origin);
            header.accept("Vary", "Origin");
        });
    }

    /**
     * A refusal of ours: its status, headers and message. A request refused with its body
     * perhaps unread (a 401 before the body, a 413) ends its connection, said in Connection:
     * close: else the rest of the body could arrive after the answer, and a client that sent its
     * next request on the same connection would get no answer.
     */
    void refused(HttpError refusal, Context ctx) {
        if (!ctx.res().isCommitted()) {
            if (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null) {
                ctx.header("Connection", "close");
            }
            Responses.error(ctx, refusal);
        }
    }

    /** The assessment service's refusals of an instructor's request: no such thing (404), or an invalid value (400). */
    void assessmentRefused(AssessmentException refusal, Context ctx) {
        refused(new HttpError(switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
        }, refusal.getMessage()), ctx);
    }

    /** Javalin's own refusals: no route for the path (404), or not for this method (405). */
    void unrouted(HttpResponseException refusal, Context ctx) {
        String path = decodedPath(ctx);
        refused(switch (refusal) {
            // Javalin names the methods the path takes in its one detail: "GET, HEAD"
            case MethodNotAllowedResponse wrongMethod -> HttpError.methodNotAllowed(
                    String.join(", ", wrongMethod.getDetails().values()).split(", "));
            case NotFoundResponse nothing -> HttpError.notFound(path.startsWith("/api/")
                    ? "no such API resource: " + path + " (see /api/openapi.json)"
                    : "nothing at " + path);
            default -> new HttpError(refusal.getStatus(), refusal.getMessage());
        }, ctx);
    }

    /** Anything else a handler threw: a fault of the server, logged in full, answered in a line. */
    void failed(Exception failure, Context ctx) {
        log(ctx.req().getMethod() + " " + AccessLog.withoutSecrets(decodedPath(ctx)), failure);
        refused(INTERNAL, ctx);
    }

    /** An Error (a stack overflow, out of memory): Javalin hands over only the response. */
    void crashed(HttpServletResponse response, Error error) {
        log("a request", error);
        if (!response.isCommitted()) {
            try {
                response.setStatus(500);
                Responses.contentType(response, Responses.JSON_TYPE);
                response.getOutputStream().write(Responses.toJson(Responses.errorBody(INTERNAL))
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException gone) {
                // the client has left; the log has the error
            }
        }
    }

    /** After the response: the access log line and the response's count. */
    void leave(Context ctx, Float millis) {
        record(ctx.req().getRemoteAddr(), ctx.req().getMethod(), ctx.req().getRequestURI(), ctx.statusCode(),
                millis.longValue());
    }

    /**
     * What Jetty refuses before any route sees it, answered as a route's refusal is. A path that
     * climbs above the root ("/assets/../../etc/passwd") names nothing here: 404, as it always was.
     * Jetty no longer knows the request's method and path then, and logs "BAD /badMessage".
     */
    boolean unread(Request request, Response response, Callback callback) {
        Throwable cause = (Throwable) request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        int status = cause instanceof HttpException http ? http.getCode() : response.getStatus();
        HttpError refusal = climbsAboveRoot(cause) ? HttpError.notFound("nothing at that path: it leads outside the root")
                : status >= 500 ? INTERNAL
                : new HttpError(status, "the request could not be read (" + HttpStatus.getMessage(status) + ")");
        response.setStatus(refusal.status());
        safeHeaders(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.JSON_TYPE);
        byte[] body = Responses.toJson(Responses.errorBody(refusal)).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
        record(Request.getRemoteAddr(request), request.getMethod(), request.getHttpURI().getPath(), refusal.status(), 0);
        return true;
    }

    private static boolean climbsAboveRoot(Throwable cause) {
        for (Throwable at = cause; at != null; at = at.getCause()) {
            if (at instanceof IllegalArgumentException && "Bad URI".equals(at.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private void record(String client, String method, String path, int status, long millis) {
        metrics.responded(status);
        accessLog.record(address(client), method, path, status, millis);
    }

    private void log(String request, Throwable failure) {
        errors.println("pygrade serve: internal error on " + request + ": " + failure);
        failure.printStackTrace(errors);
        errors.flush();
    }

    /** The path as the client meant it (percent-escapes decoded), for messages. */
    private static String decodedPath(Context ctx) {
        String raw = ctx.req().getRequestURI();
        try {
            return URI.create(raw).getPath();
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /** "[::1]" -> "::1": the log names the address alone. */
    private static String address(String remote) {
        return remote.startsWith("[") && remote.endsWith("]") ? remote.substring(1, remote.length() - 1) : remote;
    }
}
