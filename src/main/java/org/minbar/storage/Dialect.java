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

}
