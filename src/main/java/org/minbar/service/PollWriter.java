package org.minbar.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.minbar.service.PollTally.FeedDay;
import org.minbar.service.PollTally.Poller;
import org.minbar.storage.Database;
import org.minbar.storage.StatsStore;
import org.minbar.storage.StatsStore.AggregatorCount;
import org.minbar.text.AggregatorAgents;

/**
 * Writes what a {@link PollTally} drained to the store, keeping the single writer's transactions
 * short: User-Agents are read and pollers hashed before any transaction; aggregators' reports are
 * cut to the latest per aggregator and feed-id; hashes this node already stored today are not
 * written again; new hashes go in transactions of {@value #POLLERS_PER_TRANSACTION}, so a
 * publish waits for one of them at most. Used by one flushing thread at a time.
 */
final class PollWriter {

    /** Hashed pollers written per transaction. */
    static final int POLLERS_PER_TRANSACTION = 2_000;
    /** Hashes remembered as already stored, per open day, so that a returning poller costs nothing. */
    static final int REMEMBERED_PER_DAY = 100_000;
    private static final int HASH_BYTES = 16;

    /** A hashed poller of a feed's day, as remembered: the 16 bytes as two longs. */
    private record Stored(String feed, long day, long high, long low) {}

    /** A drain made ready to write: counts, each aggregator's latest report, and new hashes by feed and day. */
    record Batch(List<PollTally.Counts> counts, List<AggregatorCount> reports, Map<FeedDay, List<byte[]>> hashed) {}

    private final Database database;
    private final StatsStore stats;
    private final long mostPollersPerDay;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, byte[]> salts = new HashMap<>();
    private final Map<Long, Set<Stored>> remembered = new HashMap<>();
    /** Hashed pollers in the store for {@link #countedDay}, as last counted. */
    private long countedDay = Long.MIN_VALUE;
    private long storedOnCountedDay;

    PollWriter(Database database, StatsStore stats, long mostPollersPerDay) {
        this.database = database;
        this.stats = stats;
        this.mostPollersPerDay = mostPollersPerDay;
    }

    /** Reads the User-Agents and hashes the other pollers of the days still open (today and yesterday). */
    Batch prepare(PollTally.Drained drained, long today) {
        salts.keySet().removeIf(day -> day < today - 1);
        remembered.keySet().removeIf(day -> day < today - 1);
        Map<List<Object>, AggregatorCount> latest = new HashMap<>();
        Map<FeedDay, List<byte[]>> hashed = new HashMap<>();
        for (Map.Entry<Poller, Long> seen : drained.pollers().entrySet()) {
            Poller poller = seen.getKey();
            Optional<AggregatorAgents.Report> report = AggregatorAgents.read(poller.userAgent());
            if (report.isPresent()) {
                AggregatorCount count = new AggregatorCount(poller.feed(), poller.day(), report.get().aggregator(),
                        report.get().feedId(), report.get().subscribers(), Instant.ofEpochMilli(seen.getValue()));
                latest.merge(List.of(count.feed(), count.day(), count.aggregator(), count.feedId()), count,
                        (a, b) -> a.reportedAt().isAfter(b.reportedAt()) ? a : b);
            } else if (poller.day() >= today - 1) { // an older day is closed: its salt is gone
                byte[] hash = hash(salt(poller.day()), poller);
                if (!remembered(poller.feed(), poller.day(), hash)) {
                    hashed.computeIfAbsent(new FeedDay(poller.feed(), poller.day()), key -> new ArrayList<>()).add(hash);
                }
            }
        }
        return new Batch(drained.counts(), List.copyOf(latest.values()), hashed);
    }

    /** Writes the new hashes, a transaction per {@value #POLLERS_PER_TRANSACTION}, and remembers them. */
    void writePollers(Map<FeedDay, List<byte[]>> hashed) {
        for (Map.Entry<FeedDay, List<byte[]>> feedDay : hashed.entrySet()) {
            FeedDay key = feedDay.getKey();
            List<byte[]> hashes = feedDay.getValue();
            for (int from = 0; from < hashes.size(); from += POLLERS_PER_TRANSACTION) {
                List<byte[]> chunk = hashes.subList(from, Math.min(hashes.size(), from + POLLERS_PER_TRANSACTION));
                boolean written = database.write(connection -> write(connection, key, chunk));
                if (!written) {
                    return; // the day is full: no more pollers are counted for it
                }
                Set<Stored> memory = remembered.computeIfAbsent(key.day(), day -> new HashSet<>());
                for (byte[] hash : chunk) {
                    if (memory.size() >= REMEMBERED_PER_DAY) {
                        break;
                    }
                    memory.add(stored(key.feed(), key.day(), hash));
                }
            }
        }
    }

    /** Forgets what it counted of the store, after a write failed. */
    void forgetCounts() {
        countedDay = Long.MIN_VALUE;
    }

    private boolean write(Connection connection, FeedDay key, List<byte[]> chunk) throws SQLException {
        if (key.day() != countedDay) {
            countedDay = key.day();
            storedOnCountedDay = stats.pollersOn(connection, key.day());
        }
        if (storedOnCountedDay >= mostPollersPerDay) {
            return false;
        }
        storedOnCountedDay += stats.addPollers(connection, key.day(), key.feed(), chunk);
        return true;
    }

    private boolean remembered(String feed, long day, byte[] hash) {
        Set<Stored> memory = remembered.get(day);
        return memory != null && memory.contains(stored(feed, day, hash));
    }

    private static Stored stored(String feed, long day, byte[] hash) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(hash);
        return new Stored(feed, day, bytes.getLong(), bytes.getLong());
    }

    /** The day's salt, made by the first node that needs it and kept here while the day is open. */
    private byte[] salt(long day) {
        return salts.computeIfAbsent(day, key -> database.write(connection -> stats.salt(connection, key, () -> {
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            return salt;
        })));
    }

    private static byte[] hash(byte[] salt, Poller poller) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(poller.address().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(poller.userAgent().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest.digest(), HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
