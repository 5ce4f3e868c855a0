package org.minbar.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL database (15 or later) shared by any number of nodes, through a HikariCP pool.
 * Writes keep the embedded store's guarantees: each node's writes are grouped by one writer
 * thread, and every group first takes one transaction-scoped advisory lock, so writes from all
 * nodes are serial, the change log's positions are committed in order (a follower that has read
 * up to a position never finds an earlier one committed later), and a write is on the server's
 * disk before it is answered. Reads run in REPEATABLE READ, one snapshot each. A server that is
 * gone or restarting makes reads and writes fail with {@link StorageUnavailableException} within
 * the pool's timeout; the pool replaces broken connections, so service resumes by itself.
 */
public final class PostgresDatabase implements Database {

    /** Taken by every write group on every node: the one writer of the shared store at any moment. */
    static final long WRITE_LOCK = 0x6d696e6261720002L;
    private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;
    private static final int POOL_SIZE = 8;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

    private final String address;
    private final HikariDataSource pool;
    private final GroupCommit commits;

    private PostgresDatabase(String address, HikariDataSource pool) throws SQLException {
        this.address = address;
        this.pool = pool;
        try (Connection connection = pool.getConnection()) {
            Migrations.apply(connection, Dialect.POSTGRESQL);
        }
        this.commits = new GroupCommit(new PooledWriter(pool), "minbar-writer", () -> { });
    }

    /**
     * Opens the database at a {@code jdbc:postgresql://host:port/name} address and brings its schema
     * up to date. User and password come from the address's own parameters, or else from those given.
     */
    public static PostgresDatabase open(String url, Optional<String> user, Optional<String> password) {
        Properties parsed = Driver.parseURL(url, new Properties());
        if (!url.startsWith("jdbc:postgresql:") || parsed == null) {
            throw new StorageException("not a PostgreSQL address: " + redact(url)
                    + " (expected jdbc:postgresql://host:port/database)");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("minbar-postgresql");
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.addDataSourceProperty("ApplicationName", "minbar");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("socketTimeout", "60");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open the PostgreSQL database " + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            return new PostgresDatabase(redact(url), pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            if (e instanceof StorageException storage) {
                throw storage;
            }
            throw new StorageException("cannot open the PostgreSQL database " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String describe() {
        return address;
    }

    @Override
    public <T> T write(SqlFunction<T> work, Runnable afterCommit) {
        return commits.write(work, afterCommit);
    }

    @Override
    public <T> T read(SqlFunction<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return work.apply(connection);
            } finally {
                endRead(connection);
            }
        } catch (SQLException e) {
            throw StorageFaults.wrap("read failed", e);
        }
    }

    private static void endRead(Connection connection) {
        try {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException e) {
            LOG.debug("ending a read: {}", e.getMessage()); // a broken connection: the pool drops it
        }
    }

    /** Nothing a restart would mend: the server's own faults pass by themselves and are {@link #writeFault}s. */
    @Override
    public Optional<String> lastingFault() {
        return commits.isAlive() ? Optional.empty() : Optional.of("the database writer has stopped");
    }

    @Override
    public Optional<String> writeFault() {
        return commits.lastFault().map(StorageUnavailableException::fault);
    }

    /**
     * The change log's newest position plus the count of related lists stored: what other nodes
     * wrote, and the lists they computed again outside the log, move it.
     */
    @Override
    public long dataVersion() {
        return read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT coalesce((SELECT max(seq) FROM changes), 0)"
                         + " + coalesce((SELECT seq FROM change_marks WHERE follower = '" + ChangeLog.LISTS + "'), 0)")) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        });
    }

    @Override
    public void close() {
        commits.close();
        pool.close();
    }

    /** The address without a password given in it. */
    public static String redact(String url) {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** A connection borrowed for each write group; the group's first statement takes the write lock. */
    private record PooledWriter(HikariDataSource pool) implements GroupCommit.Connections {

        @Override
        public Connection acquire() throws SQLException {
            Connection connection = pool.getConnection();
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return connection;
        }

        @Override
        public void began(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
            }
        }

        @Override
        public void abandon(Connection connection) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.debug("rollback after a failed group: {}", e.getMessage()); // a broken connection: the pool drops it
            }
        }

        @Override
        public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("returning the write connection: {}", e.getMessage());
            }
        }
    }
}
