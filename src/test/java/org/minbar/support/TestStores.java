package org.minbar.support;

import java.nio.file.Path;
import java.util.Optional;
import org.minbar.storage.Database;
import org.minbar.storage.PostgresDatabase;
import org.minbar.storage.StoreLocation;

/**
 * The store a storage test runs on: the SQLite file in the test's folder, or, when the build runs
 * the storage tests a second time with {@code -Dminbar.test.database=postgresql}, a fresh database
 * on the test JVM's own PostgreSQL server (Debian's, started in a temporary folder).
 */
public final class TestStores {

    public static final String PROPERTY = "minbar.test.database";

    private TestStores() {}

    /** Whether this run's stores are PostgreSQL databases. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(PROPERTY, "sqlite"));
    }

    /** Where a test server keeps its store: the SQLite file in its folder, or a PostgreSQL database named after that folder. */
    public static StoreLocation location(Path storage) {
        if (!onPostgres()) {
            return StoreLocation.embedded();
        }
        try {
            String name = "minbar_" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(storage.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 12);
            return StoreLocation.of(Postgres.shared().database(name), null, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a PostgreSQL database for the test: " + e.getMessage(), e);
        }
    }

    /** A new, empty store with the schema up to date. */
    public static Database open(Path folder) {
        if (!onPostgres()) {
            return Database.open(folder);
        }
        try {
            return PostgresDatabase.open(Postgres.shared().createDatabase(), Optional.empty(), Optional.empty());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a PostgreSQL database for the test: " + e.getMessage(), e);
        }
    }
}
