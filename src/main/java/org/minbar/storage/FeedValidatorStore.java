package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The ETag and Last-Modified last served for each feed document. */
public final class FeedValidatorStore {

    /** Stored validators of one document. */
    public record Validators(String etag, Instant lastModified) {}

    public Optional<Validators> find(Connection connection, String feed, String format) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT etag, last_modified FROM feed_validators WHERE feed = ? AND format = ?")) {
            query.setString(1, feed);
            query.setString(2, format);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Validators(rows.getString(1), Jdbc.instant(rows, "last_modified")))
                        : Optional.empty();
            }
        }
    }

    public void save(Connection connection, String feed, String format, Validators validators) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO feed_validators (feed, format, etag, last_modified) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (feed, format) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified")) {
            upsert.setString(1, feed);
            upsert.setString(2, format);
            upsert.setString(3, validators.etag());
            upsert.setLong(4, validators.lastModified().toEpochMilli());
            upsert.executeUpdate();
        }
    }
}
