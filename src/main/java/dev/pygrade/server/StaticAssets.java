package dev.pygrade.server;

import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web page and its files, served from the jar's resources (dev/pygrade/web/). Only the
 * files the routes name are served: nothing else of the class path is reachable by URL.
 */
final class StaticAssets {
    private static final String ROOT = "/dev/pygrade/web/";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private StaticAssets() {
    }

    /** A handler that answers with the file {@code name}, read once, now. */
    static Handler file(String name) {
        String contentType = CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (contentType == null) {
            throw new IllegalArgumentException("no content type for " + name);
        }
        byte[] contents = read(name);
        return ctx -> {
            if (ctx.res().getHeader("Cache-Control") == null) { // a private page (FrontDoor) stays no-store
                ctx.header("Cache-Control", "no-cache");
            }
            Responses.send(ctx, 200, contentType, contents);
        };
    }

    static byte[] read(String file) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
