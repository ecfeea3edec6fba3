package dev.pygrade.server;

import java.util.Map;

/**
 * A request the server refuses, with the status and the message the client reads. Thrown by
 * handlers and turned into a JSON error body in one place ({@link Responses#error}); it carries
 * no stack trace because none ever reaches a response.
 */
final class HttpError extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;
    private final String reason;

    HttpError(int status, String message) {
        this(status, message, Map.of());
    }

    HttpError(int status, String message, Map<String, String> headers) {
        this(status, message, headers, null);
    }

    private HttpError(int status, String message, Map<String, String> headers, String reason) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.reason = reason;
    }

    /** A refusal with a word a program can act on ("time_up"), beside the message a person reads. */
    static HttpError because(int status, String reason, String message) {
        return new HttpError(status, message, Map.of(), reason);
    }

    int status() {
        return status;
    }

    /** Why, as a word for programs (such as "time_up"); null when the status says enough. */
    String reason() {
        return reason;
    }

    /** Headers the refusal needs, such as Allow (405) or Retry-After (429). */
    Map<String, String> headers() {
        return headers;
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    static HttpError methodNotAllowed(String... allowed) {
        return new HttpError(405, "method not allowed here; use " + String.join(" or ", allowed),
                Map.of("Allow", String.join(", ", allowed)));
    }
}
