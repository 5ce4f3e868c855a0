package org.minbar.storage;

/** The SQL a store speaks: its migrations folder, and the few expressions the two engines spell differently. */
public enum Dialect {
    SQLITE("db/migrations/"),
    POSTGRESQL("db/migrations/postgresql/");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** The resource folder holding this dialect's migrations, under the same names in each. */
    String migrations() {
        return migrations;
    }


    /** The dialect of a connection: SQLite's own, or else one lent by the PostgreSQL pool. */
    static Dialect of(java.sql.Connection connection) {
        return connection instanceof org.sqlite.SQLiteConnection ? SQLITE : POSTGRESQL;
    }

    /**
     * A statement as this connection's engine takes it: the stores write SQLite's INDEXED BY hints
     * (naming the index a query must use where SQLite's planner would choose a worse one), which
     * PostgreSQL, whose planner takes no hints, is given without.
     */
    static String sql(java.sql.Connection connection, String sql) {
        return of(connection) == SQLITE ? sql : INDEXED_BY.matcher(sql).replaceAll("");
    }

    private static final java.util.regex.Pattern INDEXED_BY = java.util.regex.Pattern.compile(" INDEXED BY \\w+");
}
