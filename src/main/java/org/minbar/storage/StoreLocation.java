package org.minbar.storage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the store is: the embedded SQLite file in the storage folder (no address, the default),
 * or a PostgreSQL database several nodes share, with its user and password when the address does
 * not carry them.
 */
public record StoreLocation(Optional<String> address, Optional<String> user, Optional<String> password) {

    /** The SQLite file in the storage folder. */
    public static StoreLocation embedded() {
        return new StoreLocation(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A database address, blank meaning the embedded file. */
    public static StoreLocation of(String address, String user, String password) {
        return new StoreLocation(nonBlank(address), nonBlank(user), nonBlank(password));
    }

    /** Whether other nodes may share the store: then derived state kept beside it is per node. */
    public boolean isShared() {
        return address.isPresent();
    }

    public Database open(Path storage) {
        return Database.open(address, user, password, storage);
    }

    @Override
    public String toString() {
        return address.map(PostgresDatabase::redact).orElse("the SQLite file in the storage folder");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
