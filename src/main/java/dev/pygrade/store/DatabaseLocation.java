package dev.pygrade.store;

import java.nio.file.Path;

/**
 * Where assessments are stored: a JDBC URL (with its user and password as URL parameters, or
 * given apart), and its dialect.
 */
public record DatabaseLocation(String url, String user, String password, Dialect dialect) {
    /** The file the default SQLite database has in its data folder. */
    public static final String SQLITE_FILE = "pygrade.db";

    public DatabaseLocation {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a database URL is required");
        }
        if (dialect != Dialect.of(url)) {
            throw new IllegalArgumentException("the URL is not of " + dialect);
        }
    }

    /** A JDBC URL as given: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE?user=...&password=... */
    public static DatabaseLocation of(String url) {
        return new DatabaseLocation(url, null, null, Dialect.of(url));
    }

    /** A JDBC URL with a user and password kept out of it (from the environment, say). */
    public static DatabaseLocation of(String url, String user, String password) {
        return new DatabaseLocation(url, user, password, Dialect.of(url));
    }

    /** The default: pygrade.db in {@code folder}, which is created on first start. */
    public static DatabaseLocation sqliteIn(Path folder) {
        return of("jdbc:sqlite:" + folder.toAbsolutePath().normalize().resolve(SQLITE_FILE));
    }

    /** The SQLite file, or null for a server. */
    Path sqliteFile() {
        if (dialect != Dialect.SQLITE) {
            return null;
        }
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        return file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:") ? null : Path.of(file);
    }

    /** The URL to show in messages: without a password. */
    @Override
    public String toString() {
        return redact(url);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
