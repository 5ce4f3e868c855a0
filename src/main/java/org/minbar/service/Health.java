package org.minbar.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.minbar.storage.Database;

/** Whether the server can do its job: the database answers a query. */
public final class Health {

    private final Database database;

    public Health(Database database) {
        this.database = database;
    }

    public boolean databaseReachable() {
        try {
            return database.read(connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT 1");
                     ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }
}
