package org.minbar.support;

import java.nio.file.Path;
import org.minbar.storage.Database;
import org.minbar.storage.StoreLocation;

/**
 * The store a test runs on: the SQLite file in the test's folder, or, when the build runs the
 * tests again with {@code -Dminbar.test.database=postgresql}, a database named after that folder
 * on the test JVM's own PostgreSQL server (Debian's, started in a temporary folder).
 */
public final class TestStores {

    public static final String PROPERTY = "minbar.test.database";
    /**
     * The tag of the test classes that run on both stores: the build runs them a second time on
     * PostgreSQL (the pom's stores-on-postgresql execution selects them by it).
     */
    public static final String BOTH = "both-stores";

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

    /**
     * The store of this folder, with the schema up to date: new and empty the first time, the same
     * store when the folder is opened again (a restart, or a second process on the same store).
     */
    public static Database open(Path folder) {
        return location(folder).open(folder);
    }
}
