package org.minbar.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.minbar.storage.Backups;

/**
 * Online backups for {@code POST /api/backup}: a consistent copy of the store (see {@link Backups})
 * made into the storage folder, handed to the caller to send, then deleted. One at a time: a
 * backup reads the whole database, and a second one at once would only compete with it.
 */
public final class BackupService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What receives the copy while it exists. */
    public interface Receiver {
        void receive(Path file, long bytes, String suggestedName) throws IOException;
    }

    private final Path storage;
    /** Where the store is, when it is not the SQLite file in the storage folder. */
    private final Optional<String> elsewhere;
    private final Clock clock;
    private final Semaphore one = new Semaphore(1);

    public BackupService(Path storage, Clock clock) {
        this(storage, Optional.empty(), clock);
    }

    /** For a node whose store is a database server ({@code elsewhere}): backups are that server's own tools' job. */
    public BackupService(Path storage, Optional<String> elsewhere, Clock clock) {
        this.storage = storage;
        this.elsewhere = elsewhere;
        this.clock = clock;
    }

    /** Makes a copy, gives it to the receiver, and deletes it whatever happens. */
    public void backUp(Receiver receiver) {
        if (elsewhere.isPresent()) {
            throw new ConflictException("this node's store is the PostgreSQL database " + elsewhere.get()
                    + ", not a file it can copy: back it up with PostgreSQL's own tools (pg_dump, or base backups with WAL archiving)");
        }
        if (!one.tryAcquire()) {
            throw new BusyException("a backup is being made already; try again when it is done");
        }
        String name = "minbar-backup-" + STAMP.format(clock.instant()) + ".db";
        Path copy = storage.resolve("." + name + "-" + Long.toHexString(System.nanoTime()));
        try {
            Backups.Summary made = Backups.backUp(storage, copy);
            receiver.receive(made.file(), made.bytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("sending the backup failed: " + e.getMessage(), e);
        } finally {
            one.release();
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // a leftover copy in the private storage folder; the next start does not read it
            }
        }
    }
}
