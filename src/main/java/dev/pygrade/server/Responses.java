package dev.pygrade.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpHeader;

/** Writing responses and reading bodies, for the routes and FrontDoor's refusals. */
final class Responses {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private Responses() {
    }

    static void json(Context ctx, int status, Object body) {
        send(ctx, status, JSON_TYPE, toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string that is already serialized (a result from JsonReporter). */
    static void rawJson(Context ctx, int status, String body) {
        send(ctx, status, JSON_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {"status": 404, "error": "Not Found", "message": "..."}: what every refusal looks like. */
    static void error(Context ctx, HttpError refusal) {
        refusal.headers().forEach(ctx::header);
        json(ctx, refusal.status(), errorBody(refusal));
    }

    static Map<String, Object> errorBody(HttpError refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", refusal.status());
        body.put("error", reason(refusal.status()));
        body.put("message", refusal.getMessage());
        if (refusal.reason() != null) {
            body.put("reason", refusal.reason());
        }
        return body;
    }

    /** The server drops the body of an answer to HEAD; its headers stay those of GET. */
    static void send(Context ctx, int status, String contentType, byte[] body) {
        ctx.status(status).result(body);
        contentType(ctx.res(), contentType);
        if (body.length > 0) {
            ctx.res().setContentLength(body.length); // else Jetty chunks any body over 8 KiB
        }
    }

    /**
     * Jetty's servlet layer respells a content type it knows ("application/json;charset=utf-8");
     * set on the response below it, the header goes out as written.
     */
    static void contentType(HttpServletResponse response, String contentType) {
        ServletContextResponse.getServletContextResponse(response).getWrapped().getHeaders()
                .put(HttpHeader.CONTENT_TYPE, contentType);
    }

    /**
     * The request body, refused with 413 once it passes {@code cap} bytes: a declared
     * Content-Length over the cap is refused (read and dropped up to twice the cap, see
     * {@link #refuseLarge}), a chunked body when it gets there.
     */
    static byte[] body(Context ctx, int cap) throws IOException {
        String declared = ctx.header("Content-Length");
        if (declared != null) {
            try {
                long length = Long.parseLong(declared.trim());
                if (length > cap) {
                    throw refuseLarge(ctx, length, cap);
                }
            } catch (NumberFormatException garbled) {
                throw new HttpError(400, "Content-Length is not a number");
            }
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(cap + 1);
            if (bytes.length > cap) {
                throw tooLarge(cap);
            }
            return bytes;
        }
    }

    /**
     * The refusal of a body of {@code declared} bytes over {@code cap}. A body up to twice the cap
     * is first read and dropped: a connection closed with bytes unread is reset, and a client
     * still sending then loses the answer. A larger one is refused unread.
     */
    static HttpError refuseLarge(Context ctx, long declared, int cap) {
        if (declared <= 2L * cap) {
            try {
                ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException gone) {
                // the client stopped sending: the answer goes out, or the connection is gone anyway
            }
        }
        return tooLarge(cap);
    }

    static HttpError tooLarge(int cap) {
        return new HttpError(413, "the request is larger than " + cap / 1024 + " KiB");
    }

    static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
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
