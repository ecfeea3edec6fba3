package dev.pygrade.cli;

import dev.pygrade.services.Services;
import dev.pygrade.store.DatabaseLocation;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * --db JDBC_URL or --data DIR: where assessments are stored. Default: the SQLite file
 * pygrade.db in PYGRADE_DATA, else data/ under pygrade's home; PYGRADE_DB gives a URL instead
 * (with PYGRADE_DB_USER and PYGRADE_DB_PASSWORD, so that a password need not be on a command line).
 */
final class StoreOptions {
    static final String DB_ENV = "PYGRADE_DB";
    static final String DATA_ENV = "PYGRADE_DATA";

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The database: jdbc:postgresql://HOST:PORT/DB (user and password from PYGRADE_DB_USER and "
                    + "PYGRADE_DB_PASSWORD, or in the URL) or jdbc:sqlite:FILE. Default: PYGRADE_DB, else the SQLite "
                    + "file in --data.")
    String url;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the default SQLite database, pygrade.db, created on first use "
                    + "(default: PYGRADE_DATA, else data/ under pygrade's home).")
    Path data;

    DatabaseLocation location(Services services) {
        Map<String, String> environment = services.environment();
        if (url != null && data != null) {
            throw new UserError("give --db or --data, not both");
        }
        String chosen = url != null ? url : data != null ? null : blankToNull(environment.get(DB_ENV));
        try {
            if (chosen != null) {
                return DatabaseLocation.of(chosen, blankToNull(environment.get("PYGRADE_DB_USER")),
                        blankToNull(environment.get("PYGRADE_DB_PASSWORD")));
            }
        } catch (IllegalArgumentException unsupported) {
            throw new UserError((url != null ? "--db: " : DB_ENV + ": ") + unsupported.getMessage());
        }
        Path folder = data != null ? data : environment.containsKey(DATA_ENV) && !environment.get(DATA_ENV).isBlank()
                ? Path.of(environment.get(DATA_ENV)) : services.home().resolve("data");
        return DatabaseLocation.sqliteIn(folder);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
