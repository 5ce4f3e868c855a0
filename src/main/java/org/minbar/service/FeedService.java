package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.minbar.config.SiteConfig;
import org.minbar.model.Article;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.SurrogateKeys;
import org.minbar.model.Tombstone;
import org.minbar.publish.FeedChannel;
import org.minbar.publish.FeedItem;
import org.minbar.publish.FeedRenderer;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.Database;
import org.minbar.storage.StorageUnavailableException;
import org.minbar.storage.FeedEntries;
import org.minbar.storage.FeedValidatorStore;
import org.minbar.storage.FeedValidatorStore.Validators;
import org.minbar.text.Slugs;

/**
 * Serves feed documents: rendered once per change and cached with their gzip form, a strong ETag
 * from the bytes and a Last-Modified that only moves when the bytes change (kept in the database
 * so it survives restarts).
 */
public final class FeedService {

    /** The most entries a WebSub push carries; past them, the current document and its archive links. */
    static final int PUSH_MOST = 500;
    /** How far before a subscriber's last delivery a push reads, for writes that were committing then. */
    static final Duration PUSH_OVERLAP = Duration.ofSeconds(10);

    private final Database database;
    private final SiteConfig site;
    private final SiteLinks links;
    private final FeedRenderer renderer;
    private final FeedCache cache;
    private final ArticleStore articles = new ArticleStore();
    private final FeedValidatorStore validators = new FeedValidatorStore();
    private final FeedEntries entries = new FeedEntries();
    private final RelatedStories related;
    private final Clock clock;

    public FeedService(Database database, SiteConfig site, SiteLinks links, FeedRenderer renderer, FeedCache cache,
                       Clock clock) {
        this.database = database;
        this.clock = clock;
        this.site = site;
        this.links = links;
        this.renderer = renderer;
        this.cache = cache;
        this.related = new RelatedStories(articles, links);
    }

    /** The feed, from the cache when nothing has changed since it was rendered. */
    public RenderedFeed feed(FeedKey key, FeedFormat format) {
        return feed(key, format, 1);
    }

    /**
     * The key under which this feed lives: a category's, tag's or author's own slug for any slug or
     * spelling that finds it (404 when none does), so an address written another way is redirected
     * to the feed's own in one step.
     */
    public FeedKey canonical(FeedKey key) {
        if (!key.kind().isTerm()) {
            return key;
        }
        return database.read(connection -> FeedSubject.follow(connection, site, key, 1).key());
    }

    /** Page {@code page} of the feed (1 is the newest); a page past the last is a 404. */
    public RenderedFeed feed(FeedKey key, FeedFormat format, int page) {
        return document(new DocumentKey(key, format, FeedDocument.page(page)));
    }

    /** RFC 5005 archive {@code archive} of the feed (1 is the oldest); one past the last is a 404. */
    public RenderedFeed archive(FeedKey key, FeedFormat format, int archive) {
        return document(new DocumentKey(key, format, new FeedDocument.Archive(archive)));
    }

    /**
     * The cached feed if there is one; never touches the database (safe on an I/O thread). Only
     * canonical slugs are cached (another spelling is redirected to the canonical address), so
     * endless spelling variants cannot grow the cache.
     */
    public Optional<RenderedFeed> cached(FeedKey key, FeedFormat format, int page) {
        return cached(new DocumentKey(key, format, FeedDocument.page(page)));
    }

    /** The cached archive document if there is one; never touches the database. */
    public Optional<RenderedFeed> cachedArchive(FeedKey key, FeedFormat format, int archive) {
        return cached(new DocumentKey(key, format, new FeedDocument.Archive(archive)));
    }

    private RenderedFeed document(DocumentKey key) {
        return cached(key).orElseGet(() -> {
            cache.missed();
            return render(key);
        });
    }

    private Optional<RenderedFeed> cached(DocumentKey key) {
        return cache.get(key);
    }

    /**
     * RFC 3229 (A-IM: feed): the first page holding only the entries changed since the version
     * with this ETag, with the current ETag; empty when that version is not remembered (or is the
     * current one), and the client then gets the whole feed or a 304.
     */
    public Optional<RenderedFeed> delta(FeedKey requested, FeedFormat format, String oldEtag) {
        RenderedFeed current = feed(requested, format, 1);
        if (current.etag().equals(oldEtag)) {
            return Optional.empty();
        }
        return database.read(connection -> {
            Snapshot snapshot = snapshot(connection, requested, 1);
            FeedKey key = snapshot.channel().key();
            Optional<Instant> since = validators.versionSince(connection, key.name(), format.name(), oldEtag);
            if (since.isEmpty()) {
                return Optional.<RenderedFeed>empty();
            }
            List<FeedItem> changed = snapshot.items().stream()
                    .filter(item -> item.article().modified().isAfter(since.get())).toList();
            FeedChannel all = snapshot.channel();
            FeedChannel channel = new FeedChannel(key, all.title(), all.description(), all.language(), all.updated(),
                    all.tombstones().stream().filter(t -> t.deleted().isAfter(since.get())).toList(), 1, 1, 0, 0);
            return Optional.of(RenderedFeed.delta(renderer.render(format, channel, changed), current));
        });
    }

    /**
     * What a WebSub push carries to a subscriber whose last successful delivery was read at
     * {@code since} (or, before its first, who subscribed then): the feed's current document when
     * that holds every entry changed since and announces every deletion since (the usual case, rendered once and cached for all its
     * subscribers) or past {@value #PUSH_MOST} changes; otherwise a document of every entry changed
     * after it (archived ones too, so a burst larger than a page reaches the subscriber whole; before
     * the first delivery, with the current document's entries) and the deletions since, newest first.
     * Writes committing around {@code since} are caught by reading
     * {@link #PUSH_OVERLAP} further back: an entry may come twice, under the same id, never not at all.
     */
    public RenderedFeed pushSince(FeedKey requested, FeedFormat format, Instant since, boolean withCurrent) {
        Instant from = since.minus(PUSH_OVERLAP);
        Optional<RenderedFeed> push = database.read(connection -> {
            FeedSubject subject = FeedSubject.follow(connection, site, requested, site.itemsPerFeed());
            List<Long> current = entries.current(connection, subject.query().feed());
            Set<Long> changed = new LinkedHashSet<>(entries.changedSince(connection, subject.query().feed(), from, PUSH_MOST + 1));
            List<Tombstone> tombstones = subject.query().tombstones(connection, from);
            boolean currentShowsDeletions = tombstones.isEmpty()
                    || site.tombstoneDays() > 0 && from.isAfter(clock.instant().minus(Duration.ofDays(site.tombstoneDays())));
            if (changed.size() > PUSH_MOST || current.containsAll(changed) && currentShowsDeletions) {
                // The current document carries them all (the usual case: no burst past a page since the last push),
                // or there are too many: the cached document every subscriber of the topic shares.
                return Optional.<RenderedFeed>empty();
            }
            if (withCurrent) {
                changed.addAll(current);
            }
            List<Article> live = articles.load(connection, List.copyOf(changed)).stream().filter(a -> !a.isDeleted())
                    .sorted(Comparator.comparing(Article::published).thenComparing(Article::id).reversed()).toList();
            Snapshot snapshot = snapshot(connection, subject, live, tombstones, 1, 1, 0, 0, List.of());
            byte[] body = renderer.render(format, snapshot.channel(), snapshot.items());
            return Optional.of(RenderedFeed.of(format.mediaType(), body, snapshot.lastChange(),
                    links.self(snapshot.channel(), format), links.hubsOf(snapshot.channel()), snapshot.surrogateKeys()));
        });
        return push.orElseGet(() -> {
            try {
                return feed(requested, format, 1);
            } catch (MovedException e) { // a topic of a term since merged into another: its feed now
                return feed(e.to(), format, 1);
            }
        });
    }

    private RenderedFeed render(DocumentKey requested) {
        FeedCache.Stamp readAt = cache.stamp();
        FeedFormat format = requested.format();
        FeedDocument document = requested.document();
        Snapshot snapshot = database.read(connection -> document instanceof FeedDocument.Archive archive
                ? archiveSnapshot(connection, requested.feed(), format, archive.number())
                : snapshot(connection, requested.feed(), document instanceof FeedDocument.Page page ? page.number() : 1));
        DocumentKey key = new DocumentKey(snapshot.channel().key(), format, requested.document());
        byte[] body = renderer.render(format, snapshot.channel(), snapshot.items());
        RenderedFeed feed = RenderedFeed.of(format.mediaType(), body,
                etag -> lastModified(key, etag, snapshot.lastChange()),
                links.self(snapshot.channel(), format), links.hubsOf(snapshot.channel()), snapshot.surrogateKeys());
        cache.put(key, feed, readAt);
        return feed;
    }

    /** What a document shows, read in one transaction, and the keys a shared cache files it under. */
    private record Snapshot(FeedChannel channel, List<FeedItem> items, Instant lastChange, List<String> surrogateKeys) {}

    /**
     * Page 1 is the feed's current document: every article not yet archived. Later pages hold the
     * archived live articles, newest first, so the pages share no article.
     */
    private Snapshot snapshot(Connection connection, FeedKey requested, int page) throws SQLException {
        FeedSubject subject = FeedSubject.find(connection, site, requested, site.itemsPerFeed());
        List<Long> current = entries.current(connection, subject.query().feed());
        long older = subject.query().count(connection) - current.size();
        int pages = 1 + (int) Math.max(0, (older + site.itemsPerFeed() - 1) / site.itemsPerFeed());
        if (page > pages) {
            throw new NotFoundException("this feed has " + pages + (pages == 1 ? " page" : " pages") + ", not " + page);
        }
        List<Article> shown = articles.load(connection,
                page == 1 ? current : subject.query().olderPage(page).ids(connection));
        List<Tombstone> tombstones = page > 1 || site.tombstoneDays() == 0 ? List.of()
                : subject.query().tombstones(connection, clock.instant().minus(Duration.ofDays(site.tombstoneDays())));
        int archives = entries.archives(connection, subject.query().feed());
        return snapshot(connection, subject, shown, tombstones, page, pages, 0, archives,
                List.of(SurrogateKeys.of(subject.key())));
    }

    /**
     * Archive {@code archive} (1 is the oldest): its live articles, and its deleted ones as tombstones.
     * The one after the newest is not made yet ({@link NotArchivedYetException}).
     */
    private Snapshot archiveSnapshot(Connection connection, FeedKey requested, FeedFormat format, int archive)
            throws SQLException {
        FeedSubject subject = FeedSubject.find(connection, site, requested, site.itemsPerFeed());
        int archives = entries.archives(connection, subject.query().feed());
        if (archive == archives + 1) {
            throw new NotArchivedYetException(FeedAddress.of(subject.key(), format), archive);
        }
        if (archive > archives) {
            throw new NotFoundException("this feed has " + archives + (archives == 1 ? " archive" : " archives")
                    + ", not " + archive);
        }
        List<Long> heldIds = entries.archived(connection, subject.query().feed(), archive);
        List<Article> held = articles.load(connection, heldIds);
        List<Article> live = held.stream().filter(a -> !a.isDeleted())
                .sorted(Comparator.comparing(Article::published).thenComparing(Article::id).reversed()).toList();
        List<Tombstone> tombstones = held.stream().filter(Article::isDeleted)
                .map(a -> new Tombstone(a.feedId(), a.deleted().orElseThrow()))
                .sorted(Comparator.comparing(Tombstone::deleted).reversed()).toList();
        return snapshot(connection, subject, live, tombstones, 1, 1, archive, archives, SurrogateKeys.archive(heldIds));
    }

    private Snapshot snapshot(Connection connection, FeedSubject subject, List<Article> shown, List<Tombstone> tombstones,
                              int page, int pages, int archive, int archives, List<String> surrogateKeys)
            throws SQLException {
        List<FeedItem> items = new ArrayList<>(shown.size());
        for (Article article : shown) {
            // Archives carry no related stories: those are recomputed as articles come and go, and an
            // archive's bytes must not change under its month-long cache unless one of its articles does.
            items.add(new FeedItem(article, links.article(article), archive > 0 ? List.of() : related.of(connection, article)));
        }
        Instant lastChange = articles.lastChange(connection).orElse(Instant.EPOCH);
        Instant updated = Stream.concat(shown.stream().map(Article::updated), tombstones.stream().map(Tombstone::deleted))
                .max(Instant::compareTo).orElse(lastChange);
        FeedChannel channel = new FeedChannel(subject.key(), subject.title(site), subject.description(), site.language(),
                updated, tombstones, page, pages, archive, archives);
        return new Snapshot(channel, items, lastChange, surrogateKeys);
    }

    /**
     * The stored Last-Modified while the bytes are the same; when they differ, the time of the
     * latest change in the store, and always later than the value clients may hold.
     */
    private Instant lastModified(DocumentKey key, String etag, Instant lastChange) {
        String feed = key.validatorName();
        FeedFormat format = key.format();
        Optional<Validators> stored = database.read(connection -> validators.find(connection, feed, format.name()));
        if (stored.isPresent() && stored.get().etag().equals(etag)) {
            return stored.get().lastModified();
        }
        Instant candidate = lastChange.truncatedTo(ChronoUnit.SECONDS);
        if (stored.isPresent() && !candidate.isAfter(stored.get().lastModified())) {
            candidate = stored.get().lastModified().plusSeconds(1);
        }
        Instant lastModified = candidate;
        try {
            // Another node sharing the store may have rendered these bytes first: then its value is everyone's.
            return database.write(connection -> {
                Optional<Validators> now = validators.find(connection, feed, format.name());
                if (now.isPresent() && now.get().etag().equals(etag)) {
                    return now.get().lastModified();
                }
                validators.save(connection, feed, format.name(), new Validators(etag, lastModified), lastChange);
                return lastModified;
            });
        } catch (StorageUnavailableException e) {
            // A full disk or read-only storage must not stop reads: the same value is computed, and
            // stored, at the next render once the fault clears.
        }
        return lastModified;
    }
}
