package dev.pygrade.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The assessments' database: a HikariCP pool over SQLite or PostgreSQL, migrated by Flyway
 * (src/main/resources/db/migration) when it opens, and JDBI over the pool. SQLite runs in WAL
 * mode with full sync (a commit survives a crash of the process or the machine), foreign keys
 * on, a busy timeout, and transactions that take the write lock when they begin, so that two
 * writers wait for each other instead of failing.
 */
public final class Database implements AutoCloseable {
    private final DatabaseLocation location;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(DatabaseLocation location, HikariDataSource pool) {
        this.location = location;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** Opens (creating a SQLite file and its folder if needed) and migrates to the latest schema. */
    public static Database open(DatabaseLocation location) {
        Path file = location.sqliteFile();
        if (file != null && file.getParent() != null && !Files.isDirectory(file.getParent())) {
            try {
                Files.createDirectories(file.getParent());
                // candidates' names and code: the folder pygrade creates is its user's alone
                if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(file.getParent(),
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                }
            } catch (IOException e) {
                throw new StoreException("cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
            }
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config(location));
        } catch (RuntimeException unreachable) {
            throw new StoreException("cannot open the database " + location + ": " + rootMessage(unreachable),
                    unreachable);
        }
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .placeholders(location.dialect().placeholders())
                    .load()
                    .migrate();
        } catch (FlywayException failed) {
            pool.close();
            throw new StoreException("cannot migrate the database " + location + ": " + rootMessage(failed), failed);
        }
        return new Database(location, pool);
    }

    private static HikariConfig config(DatabaseLocation location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pygrade-store");
        config.setJdbcUrl(location.url());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setConnectionTimeout(10_000);
        if (location.dialect() == Dialect.SQLITE) {
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setMaximumPoolSize(8);
        }
        return config;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return location.dialect();
    }

    public DatabaseLocation location() {
        return location;
    }

    @Override
    public void close() {
        pool.close();
    }
}
