package org.minbar.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection, which may throw SQLException. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
