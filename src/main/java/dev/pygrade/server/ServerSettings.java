package dev.pygrade.server;

import java.time.Duration;
import java.util.Optional;

/**
 * How the server listens and how much it takes on: {@code slots} gradings at once, {@code
 * waiting} more queued, a request body of at most {@code maxRequestBytes}, a queued submission
 * graded only if its turn comes within {@code queueTimeout}, and at shutdown up to {@code
 * drainTimeout} for the gradings under way to finish.
 */
public record ServerSettings(String host, int port, int slots, int waiting, Duration queueTimeout,
        int maxRequestBytes, Optional<String> corsOrigin, Duration drainTimeout) {

    /** A submission's files may hold 4 MiB in all; JSON escaping and the envelope need room. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 6 * 1024 * 1024;

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535");
        }
        if (slots < 1) {
            throw new IllegalArgumentException("at least one grading at a time");
        }
        if (waiting < 0) {
            throw new IllegalArgumentException("the queue cannot hold fewer than 0 submissions");
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("the request size cap must be at least 1 KiB");
        }
    }

    public static ServerSettings defaults(String host, int port, int slots) {
        return new ServerSettings(host, port, slots, 8 * slots, Duration.ofSeconds(60), DEFAULT_MAX_REQUEST_BYTES,
                Optional.empty(), Duration.ofSeconds(120));
    }

    public ServerSettings withQueue(int waitingSubmissions, Duration timeout) {
        return new ServerSettings(host, port, slots, waitingSubmissions, timeout, maxRequestBytes, corsOrigin,
                drainTimeout);
    }

    public ServerSettings withCors(Optional<String> origin) {
        return new ServerSettings(host, port, slots, waiting, queueTimeout, maxRequestBytes, origin, drainTimeout);
    }

    public ServerSettings withMaxRequestBytes(int bytes) {
        return new ServerSettings(host, port, slots, waiting, queueTimeout, bytes, corsOrigin, drainTimeout);
    }

    public ServerSettings withDrainTimeout(Duration timeout) {
        return new ServerSettings(host, port, slots, waiting, queueTimeout, maxRequestBytes, corsOrigin, timeout);
    }

    /** Loopback only: anything else is reachable from other machines, and the server says so. */
    public boolean localOnly() {
        return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
