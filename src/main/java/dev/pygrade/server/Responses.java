package dev.pygrade.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing responses and reading bodies: the only place that touches an exchange's streams. */
final class Responses {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON_TYPE, toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string that is already serialized (a result from JsonReporter). */
    static void rawJson(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, JSON_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {"status": 404, "error": "Not Found", "message": "..."}: what every refusal looks like. */
    static void error(HttpExchange exchange, HttpError refusal) throws IOException {
        refusal.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", refusal.status());
        body.put("error", reason(refusal.status()));
        body.put("message", refusal.getMessage());
        json(exchange, refusal.status(), body);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /**
     * The request body, refused with 413 once it passes {@code cap} bytes: a declared
     * Content-Length over the cap is refused unread, a chunked body when it gets there.
     */
    static byte[] body(HttpExchange exchange, int cap) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > cap) {
                    throw tooLarge(cap);
                }
            } catch (NumberFormatException garbled) {
                throw new HttpError(400, "Content-Length is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(cap + 1);
            if (bytes.length > cap) {
                throw tooLarge(cap);
            }
            return bytes;
        }
    }

    private static HttpError tooLarge(int cap) {
        return new HttpError(413, "the request is larger than " + cap / 1024 + " KiB");
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
