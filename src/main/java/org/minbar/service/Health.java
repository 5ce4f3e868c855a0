package org.minbar.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.minbar.storage.Database;

/**
 * Whether the server can do its job, as named checks. Liveness ({@code /healthz}): what serving
 * needs and a restart could not fix by waiting: the database answers, it is still the file this
 * server opened, the writer runs, the search index is open (or was closed by a full or read-only
 * disk, which it outlives: it is opened again when the disk allows). Readiness ({@code /readyz}): besides,
 * writes can be stored now (no full disk, no read-only storage) and the index has taken in the log.
 */
public final class Health {

    /** The checks, each "ok" or what is wrong, and whether all passed. */
    public record Report(boolean ok, Map<String, String> checks) {}

    private static final String OK = "ok";

    private final Database database;
    private final Derivation derivation;

    public Health(Database database, Derivation derivation) {
        this.database = database;
        this.derivation = derivation;
    }

    public Report liveness() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", readable());
        checks.put("databaseFile", database.lastingFault().orElse(OK));
        // An index the full or read-only disk broke heals when the disk does: no reason to restart.
        boolean explained = database.writeFault().isPresent();
        checks.put("searchIndex", derivation.isIndexBroken() && !explained ? "cannot be written; being opened again" : OK);
        return report(checks);
    }

    public Report readiness() {
        Map<String, String> checks = new LinkedHashMap<>(liveness().checks());
        checks.put("writes", database.writeFault().orElse(OK));
        if (derivation.isIndexBroken()) {
            checks.put("searchIndex", "cannot be written; being opened again");
        } else if (!derivation.isIndexReady()) {
            checks.put("searchIndex", "being built or taking in the change log");
        }
        return report(checks);
    }

    private String readable() {
        try {
            return database.read(connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM schema_migrations");
                     ResultSet rows = query.executeQuery()) {
                    return rows.next() ? OK : "answers no rows";
                }
            });
        } catch (RuntimeException e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    private static Report report(Map<String, String> checks) {
        return new Report(checks.values().stream().allMatch(OK::equals), checks);
    }
}
