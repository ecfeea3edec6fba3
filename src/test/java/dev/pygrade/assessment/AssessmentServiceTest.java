package dev.pygrade.assessment;

import dev.pygrade.store.DatabaseLocation;
import java.nio.file.Path;

/** The service's rules on the default database: a SQLite file in a data folder. */
class AssessmentServiceTest extends AssessmentServiceContract {
    @Override
    DatabaseLocation location(Path folder) {
        return DatabaseLocation.sqliteIn(folder);
    }
}
