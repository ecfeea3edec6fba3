package dev.pygrade.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web page and its files, served from the jar's resources (dev/pygrade/web/). Only the
 * files named here are served: nothing else of the class path is reachable by URL.
 */
final class StaticAssets implements HttpHandler {
    private static final String ROOT = "/dev/pygrade/web/";
    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("index.html", "text/html; charset=utf-8"),
            "/assets/app.css", new Asset("app.css", "text/css; charset=utf-8"),
            "/assets/app.js", new Asset("app.js", "text/javascript; charset=utf-8"),
            "/assets/highlight.js", new Asset("highlight.js", "text/javascript; charset=utf-8"),
            "/favicon.svg", new Asset("favicon.svg", "image/svg+xml"));

    private record Asset(String file, String contentType) {
    }

    private final Map<String, byte[]> contents;

    StaticAssets() {
        this.contents = new java.util.HashMap<>();
        ASSETS.forEach((path, asset) -> contents.put(path, read(asset.file())));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Asset asset = ASSETS.get(path);
        if (asset == null) {
            throw HttpError.notFound("nothing at " + path);
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw HttpError.methodNotAllowed("GET", "HEAD");
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        Responses.send(exchange, 200, asset.contentType(), contents.get(path));
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
