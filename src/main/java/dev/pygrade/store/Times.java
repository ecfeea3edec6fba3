package dev.pygrade.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Times are stored as milliseconds since the epoch: the same in SQLite and PostgreSQL. */
final class Times {
    private Times() {
    }

    static Long millis(Optional<Instant> time) {
        return time.map(Instant::toEpochMilli).orElse(null);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    static Optional<Instant> optional(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
