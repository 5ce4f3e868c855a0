package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Which store this is: the moment its schema was first created, which no other store shares (a
 * backup restored, being the same store, keeps it; a store copied by {@code migrate} is a new one).
 * Derived state kept beside the store, such as a node's search index, records it, so a node
 * pointed at another database with the same storage folder rebuilds its index instead of mixing
 * in articles the database does not have.
 */
public final class StoreIdentity {

    private StoreIdentity() {}

    public static String of(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT applied_at FROM schema_migrations WHERE version = 1");
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? "created " + rows.getString(1) : "unknown";
        }
    }
}
