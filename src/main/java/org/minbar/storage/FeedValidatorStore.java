package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The ETag and Last-Modified last served for each feed document, and its recent versions for deltas. */
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

    /** How many past versions of a feed are remembered for deltas. */
    static final int VERSIONS_KEPT = 50;

    /** When the version with this ETag took effect, if it is among the recent ones remembered. */
    public Optional<Instant> versionSince(Connection connection, String feed, String format, String etag) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT since FROM feed_versions WHERE feed = ? AND format = ? AND etag = ?")) {
            query.setString(1, feed);
            query.setString(2, format);
            query.setString(3, etag);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(Jdbc.instant(rows, "since")) : Optional.empty();
            }
        }
    }

    /**
     * Records the feed's new validators and remembers the version: {@code versionSince} is the
     * exact time of the newest change it contains, so a delta from it holds only later changes.
     */
    public void save(Connection connection, String feed, String format, Validators validators, Instant versionSince)
            throws SQLException {
        try (PreparedStatement version = connection.prepareStatement(
                "INSERT INTO feed_versions (feed, format, etag, since) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (feed, format, etag) DO UPDATE SET since = excluded.since")) {
            version.setString(1, feed);
            version.setString(2, format);
            version.setString(3, validators.etag());
            version.setLong(4, versionSince.toEpochMilli());
            version.executeUpdate();
        }
        try (PreparedStatement trim = connection.prepareStatement(
                "DELETE FROM feed_versions WHERE feed = ? AND format = ? AND etag NOT IN"
                        + " (SELECT etag FROM feed_versions WHERE feed = ? AND format = ? ORDER BY since DESC LIMIT ?)")) {
            trim.setString(1, feed);
            trim.setString(2, format);
            trim.setString(3, feed);
            trim.setString(4, format);
            trim.setInt(5, VERSIONS_KEPT);
            trim.executeUpdate();
        }
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
