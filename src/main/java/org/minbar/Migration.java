package org.minbar;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import org.minbar.related.ArticleIndex;
import org.minbar.storage.Database;
import org.minbar.storage.StorageException;
import org.minbar.storage.StoreCopy;

/**
 * What {@code minbar migrate} does: opens both stores (bringing each to this build's schema), copies
 * the source into the target with a progress bar, then counts every table on both sides and prints
 * them side by side. Exit 0 when all are equal, 1 when some differ or the copy failed (run it again:
 * it resumes), 2 when it refused to start (nothing written into the target).
 */
final class Migration {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;

    Migration(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Whether standard output is a terminal, where the progress line is redrawn in place. From Java 22
     * System.console() is there even when the output is redirected; Console.isTerminal tells then.
     */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // Java 17 to 21: a console only when both ends are a terminal
        }
    }

    int run(String from, String to, int batch, Optional<String> user, Optional<String> password) {
        StoreCopy.Location source;
        StoreCopy.Location target;
        try {
            source = StoreCopy.Location.parse(from);
            target = StoreCopy.Location.parse(to);
        } catch (StoreCopy.Refused e) {
            return refuse(e.getMessage());
        }
        if (source.sameAs(target)) {
            return refuse("--from and --to name the same store");
        }
        if (source.isSqlite() && !Files.isRegularFile(source.file())) {
            return refuse(source.file() + ": no such store");
        }
        for (StoreCopy.Location local : new StoreCopy.Location[] {source, target}) {
            if (local.isSqlite() && ArticleIndex.inUse(local.folder().resolve(App.INDEX_FOLDER))) {
                return refuse("a server is running on " + local.folder() + "; stop it first");
            }
        }
        target = batchedInserts(target);
        try (Database in = source.open(user, password); Database into = target.open(user, password)) {
            out.println("copying " + in.describe() + " into " + into.describe());
            out.flush();
            StoreCopy copy = new StoreCopy(in, into, batch, new Bar());
            StoreCopy.Summary summary = copy.copy();
            out.printf(Locale.ROOT, "copied %,d rows in %.1f s (%,.0f rows/s)%n", summary.rows(), summary.nanos() / 1e9,
                    summary.rowsPerSecond());
            return verify(copy);
        } catch (StoreCopy.Refused e) {
            out.flush();
            return refuse(e.getMessage());
        } catch (StorageException e) {
            out.println();
            out.flush();
            err.println("minbar migrate: " + e.getMessage() + "; run the same command again to resume");
            err.flush();
            return FAILED;
        }
    }

    /**
     * Lets the PostgreSQL driver send each batch as multi-row INSERTs (its reWriteBatchedInserts),
     * unless the address says otherwise: a quarter faster on a 3.5 million row store.
     */
    static StoreCopy.Location batchedInserts(StoreCopy.Location location) {
        return location.url()
                .filter(url -> !url.contains("reWriteBatchedInserts"))
                .map(url -> new StoreCopy.Location(Optional.of(url + (url.contains("?") ? "&" : "?")
                        + "reWriteBatchedInserts=true"), location.folder()))
                .orElse(location);
    }

    private int verify(StoreCopy copy) {
        StoreCopy.Verification verification = copy.verify();
        out.println("verification (rows in the source, rows in the target):");
        for (StoreCopy.Count count : verification.counts()) {
            out.printf(Locale.ROOT, "  %-24s %,12d %,12d  %s%n", count.table(), count.source(), count.target(),
                    count.equal() ? "ok" : "DIFFERENT");
        }
        out.flush();
        if (verification.ok()) {
            out.println("the target holds the same store: every table has as many rows as the source");
            out.flush();
            return OK;
        }
        err.println("minbar migrate: the copy differs in " + String.join(", ", verification.differing())
                + "; was a server writing into the source? Stop it and run the command again");
        err.flush();
        return FAILED;
    }

    private int refuse(String reason) {
        err.println("minbar migrate: " + reason);
        err.flush();
        return REFUSED;
    }

    /** One table's rows copied of its total: redrawn in place on a terminal, else a line at every tenth. */
    private final class Bar implements StoreCopy.Progress {

        private String table;
        private long lastTenth = -1;

        @Override
        public void copied(String name, long done, long total) {
            if (!name.equals(table)) {
                if (table != null && terminal) {
                    out.println();
                }
                table = name;
                lastTenth = -1;
            }
            long percent = total == 0 ? 100 : done * 100 / total;
            String line = String.format(Locale.ROOT, "%-24s %,12d / %,d  %3d%%", name, done, total, percent);
            if (terminal) {
                out.print("\r" + line);
                if (done >= total) {
                    out.println();
                    table = null;
                }
                out.flush();
            } else if (percent / 10 > lastTenth) {
                lastTenth = percent / 10;
                out.println(line);
                out.flush();
            }
        }
    }
}
