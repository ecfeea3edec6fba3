package dev.pygrade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the default SQLite database: no set-up, migrations once, what a URL may be. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theFirstOpenCreatesTheFolderAndTheFileAndALaterOpenKeepsTheData() throws java.io.IOException {
        Path data = dir.resolve("not/yet/there");
        AssessmentRecord stored;
        try (Database database = Database.open(DatabaseLocation.sqliteIn(data))) {
            assertEquals(Dialect.SQLITE, database.dialect());
            stored = new AssessmentTable(database).insert("Week 1", List.of("q09-lru-cache", "q01-x"),
                    Duration.ofMinutes(45), Optional.of(Instant.parse("2026-01-01T09:00:00Z")), Optional.empty(), 2,
                    "scores", Instant.parse("2025-12-31T12:00:00.123456Z"));
        }
        assertTrue(Files.isRegularFile(data.resolve(DatabaseLocation.SQLITE_FILE)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data)), "the data folder is pygrade's user's alone");
        try (Database again = Database.open(DatabaseLocation.sqliteIn(data))) {
            AssessmentRecord read = new AssessmentTable(again).find(stored.id()).orElseThrow();
            assertEquals(stored, read);
            assertEquals(List.of("q09-lru-cache", "q01-x"), read.exerciseIds());
            assertEquals(Instant.parse("2025-12-31T12:00:00.123Z"), read.createdAt());
        }
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedWithWhatIsSupported() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseLocation.of("jdbc:mysql://db/pygrade?user=me&password=secret"));
        assertTrue(refused.getMessage().contains("jdbc:postgresql://"), refused.getMessage());
        assertFalse(refused.getMessage().contains("secret"), "the password is never shown: " + refused.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        DatabaseLocation location = DatabaseLocation.of("jdbc:postgresql://db:5432/pygrade?user=me&password=s3cret&ssl=true");
        assertEquals("jdbc:postgresql://db:5432/pygrade?user=me&password=***&ssl=true", location.toString());
    }

    @Test
    void anUnreachableServerIsAStoreExceptionNamingIt() {
        StoreException failed = assertThrows(StoreException.class, () -> Database.open(
                DatabaseLocation.of("jdbc:postgresql://127.0.0.1:1/pygrade?user=me&password=s3cret&connectTimeout=2")));
        assertTrue(failed.getMessage().startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/pygrade"),
                failed.getMessage());
        assertFalse(failed.getMessage().contains("s3cret"), failed.getMessage());
    }
}
