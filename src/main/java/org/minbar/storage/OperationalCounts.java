package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts an operator watches, read when metrics are scraped: the WebSub work waiting and failing, related lists due. */
public final class OperationalCounts {

    /** Pushes to subscribers waiting to be sent or sent again. */
    public long pendingDeliveries(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM websub_deliveries");
    }

    /** Of those, the ones whose last attempt failed. */
    public long failingDeliveries(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM websub_deliveries WHERE last_error IS NOT NULL");
    }

    /** Pings of external hubs waiting to be sent or sent again. */
    public long pendingHubPings(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM websub_hub_pings");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
