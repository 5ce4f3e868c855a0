package org.minbar.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** Small helpers for binding and reading the column types we use. */
final class Jdbc {

    private Jdbc() {}

    static void setOptional(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        statement.setString(index, value.orElse(null));
    }

    static Optional<String> optionalString(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getString(column));
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        return Instant.ofEpochMilli(rows.getLong(column));
    }

    static Optional<Instant> optionalInstant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    /** "?, ?, ?" for an IN list of the collection's size (at least one). */
    static String placeholders(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    static void bindLongs(PreparedStatement statement, Collection<Long> values) throws SQLException {
        int index = 1;
        for (long value : values) {
            statement.setLong(index++, value);
        }
    }
}
