package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.model.FeedKey;

// Covers the change log: changes read back in order with their feeds, marks that move, and what is pending after a mark.
@Tag(TestStores.BOTH)
class ChangeLogTest {

    private static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path folder;
    private Database database;
    private final ChangeLog log = new ChangeLog();

    @BeforeEach
    void open() {
        database = TestStores.open(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void changesAreReadBackInOrderWithEveryFeedTheyTouched() {
        long first = database.write(c -> log.append(c, 7, ChangeLog.Kind.CREATED, AT,
                List.of(FeedKey.site(), FeedKey.category("سوريا"), FeedKey.author("نور-الدين")), AT));
        long second = database.write(c -> log.append(c, 7, ChangeLog.Kind.UPDATED, AT.plusSeconds(1),
                List.of(FeedKey.site(), FeedKey.category("سوريا"), FeedKey.category("مصر"), FeedKey.tag("إس-400")), AT));
        assertTrue(second > first);
        List<ChangeLog.Change> changes = database.read(c -> log.after(c, 0, 10));
        assertEquals(List.of(first, second), changes.stream().map(ChangeLog.Change::seq).toList());
        assertEquals(ChangeLog.Kind.UPDATED, changes.get(1).kind());
        assertEquals(AT.plusSeconds(1), changes.get(1).version());
        assertEquals(Set.of(FeedKey.site(), FeedKey.category("سوريا"), FeedKey.category("مصر"), FeedKey.tag("إس-400")),
                changes.get(1).feeds());
        assertEquals(List.of(second), database.read(c -> log.after(c, first, 10)).stream().map(ChangeLog.Change::seq).toList());
        assertEquals(second, (long) database.read(log::latest));
    }

    @Test
    void aMarkMovesWithItsFollowerAndSaysWhatIsStillPending() {
        long first = database.write(c -> log.append(c, 1, ChangeLog.Kind.CREATED, AT, List.of(FeedKey.site()), AT));
        database.write(c -> log.append(c, 2, ChangeLog.Kind.CREATED, AT, List.of(FeedKey.site()), AT));
        assertEquals(0L, (long) database.read(c -> log.mark(c, "derived")));
        database.write(c -> {
            log.setMark(c, "derived", first);
            return null;
        });
        assertEquals(first, (long) database.read(c -> log.mark(c, "derived")));
        assertFalse((boolean) database.read(c -> log.changedAfter(c, 1, first)), "article 1's change is taken in");
        assertTrue((boolean) database.read(c -> log.changedAfter(c, 2, first)), "article 2's is not yet");
    }
}
