package dev.pygrade.server;

import dev.pygrade.store.DatabaseLocation;
import dev.pygrade.store.TestDatabases;
import java.nio.file.Path;

/** The assessment routes on the default database: a SQLite file in a data folder. */
class AssessmentApiTest extends AssessmentApiContract {
    @Override
    DatabaseLocation location(Path folder) {
        return TestDatabases.sqlite(folder.resolve("data"));
    }
}
