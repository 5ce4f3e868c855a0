package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.minbar.ingest.HtmlSanitizer;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.Category;
import org.minbar.model.Tag;
import org.minbar.related.ArticleIndex;
import org.minbar.related.IndexedArticle;
import org.minbar.related.RelatedFinder;
import org.minbar.related.ScoredArticle;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.StoreIdentity;
import org.minbar.storage.Database;
import org.minbar.storage.RelatedStore;

/**
 * Keeps the search index and the related-story lists in step with the change log, a batch of
 * changes at a time: the batch's articles are indexed (or removed) and made searchable once with
 * the batch's last log position (durably at most every {@link #DURABLE_EVERY}); each changed
 * article's list is computed with one similarity query; and the lists a change may alter (those
 * of the articles a new one is now most like, where it would enter them, see {@link #entersList},
 * and those that named a deleted one) are marked stale, kept and shown until {@link #refreshStale}
 * computes them again once the log is taken in: each once however many articles of a burst
 * touched it, and never ahead of the new articles' own lists. At start, {@link #prepare} rebuilds
 * a missing or outdated index from the database and takes in the changes its last commit missed.
 */
final class RelatedIndexing {

    static final int RELATED_PER_ARTICLE = 5;
    /**
     * How many of its nearest articles a new article is offered to as a related story: those whose
     * list it may enter are computed again. Measured by RelatedStoriesQualityTest, offering it to
     * 10 instead leaves precision@3 as it is on both sets and moves the held-out set's p@5 from
     * 0.780 to 0.787 (three entries in 400), for twice the lists computed again after a burst.
     */
    static final int NEIGHBOURS = 5;
    /**
     * The most lists naming a deleted article that are computed again (the others show one entry
     * fewer, as a deleted article is never served, until they are computed for another reason).
     */
    static final int MOST_REFILLED_AFTER_DELETE = 100;
    private static final int REBUILD_BATCH = 500;
    /**
     * How often the index is made durable while changes flow: each batch is made searchable at
     * once without an fsync, and a crash makes {@link #prepare} index again what came after the
     * last durable commit, which the change log still holds.
     */
    static final Duration DURABLE_EVERY = Duration.ofSeconds(1);

    private final Database database;
    private final ArticleIndex index;
    private final RelatedFinder finder;
    private final Clock clock;
    private final ArticleStore articles = new ArticleStore();
    private final RelatedStore related = new RelatedStore();
    private final ChangeLog changes = new ChangeLog();
    private final java.util.concurrent.atomic.AtomicLong storedHere = new java.util.concurrent.atomic.AtomicLong();
    private final RelatedReasons reasons = new RelatedReasons();
    private long committedAt = System.nanoTime() - DURABLE_EVERY.toNanos();

    RelatedIndexing(Database database, ArticleIndex index, Clock clock) {
        this.database = database;
        this.index = index;
        this.finder = new RelatedFinder(index);
        this.clock = clock;
    }

    /** Reopens the index after a fault that left it unwritable; true when it did (see {@link ArticleIndex#recover}). */
    boolean recoverIndex() {
        return index.recover();
    }

    boolean indexUsable() {
        return index.isUsable();
    }

    /** Lists to store, by article, and the articles whose lists are to be computed again later. */
    record Lists(Map<Long, List<RelatedStore.Scored>> byArticle, Set<Long> stale) {}

    /**
     * Makes the index hold everything up to the follower's {@code mark} at least: rebuilt from the
     * database when it is new, built with other analysis, or behind what the log still holds;
     * otherwise the changes between its own watermark and the mark are indexed again.
     */
    void prepare(long mark, Consumer<String> progress) {
        long indexed = index.watermark();
        long oldest = database.read(changes::oldest);
        String store = database.read(StoreIdentity::of);
        boolean otherStore = indexed >= 0 && !index.isFrom(store);
        index.belongsTo(store);
        if (otherStore) {
            progress.accept("search index: it was built from another store than " + database.describe() + "; rebuilding it");
        }
        boolean rebuild = indexed < 0 || otherStore || !index.analysisIsCurrent()
                || (oldest > 0 && indexed + 1 < oldest && indexed < mark);
        if (rebuild) {
            boolean rankedOtherwise = indexed >= 0 && !index.analysisIsCurrent();
            rebuild(progress);
            if (rankedOtherwise) {
                // Lists found with other analysis or ranking: kept and shown until each is computed again.
                int marked = database.write(related::markAllStale);
                progress.accept("related stories: " + marked + " lists to compute again with the new ranking");
            }
            return;
        }
        long at = indexed;
        while (at < mark) {
            long from = at;
            List<ChangeLog.Change> batch = database.read(connection -> changes.after(connection, from, REBUILD_BATCH));
            if (batch.isEmpty()) {
                break;
            }
            index(load(batch));
            at = batch.get(batch.size() - 1).seq();
            index.commit(at);
        }
        if (at > indexed) {
            progress.accept("search index: took in the changes after its last commit, up to " + at);
        }
    }

    /** How far in the change log the index has taken changes in (-1 when it is new). */
    long indexedUpTo() {
        return index.watermark();
    }

    /**
     * Takes a batch of changes in: indexes them (one searcher refresh), computes the changed
     * articles' own lists and finds the lists the batch makes stale. Nothing is stored here; the
     * caller stores the lists with its mark.
     */
    Lists take(List<ChangeLog.Change> batch) {
        Map<Long, Article> changed = load(batch);
        index(changed);
        long upTo = batch.get(batch.size() - 1).seq();
        if (System.nanoTime() - committedAt >= DURABLE_EVERY.toNanos()) {
            index.commit(upTo);
            committedAt = System.nanoTime();
        } else {
            index.refresh(upTo); // searchable now; durable with the next commit, replayed from the log after a crash
        }
        Map<Long, List<RelatedStore.Scored>> lists = new LinkedHashMap<>();
        Map<Long, Map<Long, Double>> offers = new HashMap<>(); // neighbour → new article → score
        Set<Long> stale = new LinkedHashSet<>();
        for (Article article : changed.values()) {
            if (article.isDeleted()) {
                stale.addAll(database.read(connection -> related.referencing(connection, article.id(), MOST_REFILLED_AFTER_DELETE)));
                continue;
            }
            List<ScoredArticle> nearest = finder.relatedTo(indexed(article), NEIGHBOURS);
            lists.put(article.id(), scored(nearest.subList(0, Math.min(RELATED_PER_ARTICLE, nearest.size()))));
            for (ScoredArticle neighbour : nearest) {
                offers.computeIfAbsent(neighbour.id(), id -> new HashMap<>()).merge(article.id(), neighbour.score(), Math::max);
            }
        }
        offers.keySet().removeAll(changed.keySet()); // their own lists were just computed against the whole batch
        Map<Long, List<RelatedStore.Scored>> current = database.read(connection -> related.listsOf(connection, offers.keySet()));
        offers.forEach((neighbour, offered) -> {
            if (entersList(current.getOrDefault(neighbour, List.of()), offered)) {
                stale.add(neighbour);
            }
        });
        stale.removeAll(changed.keySet());
        return new Lists(lists, stale);
    }

    /**
     * Whether an article of the batch may now belong in a neighbour's list: the list is short, names
     * it already (it changed), or it scored above the list's weakest entry. Scores of two queries
     * are only roughly comparable (each is relative to its own best hit), so such a list is computed
     * anew with its own query rather than merged; the others are left as they are.
     */
    static boolean entersList(List<RelatedStore.Scored> list, Map<Long, Double> offered) {
        if (list.size() < RELATED_PER_ARTICLE) {
            return true;
        }
        double weakest = list.stream().mapToDouble(RelatedStore.Scored::score).min().orElse(0);
        return offered.entrySet().stream().anyMatch(offer -> offer.getValue() > weakest
                || list.stream().anyMatch(entry -> entry.id() == offer.getKey()));
    }

    /**
     * Stores the lists and marks the stale ones, in the caller's transaction; returns the store's
     * count of lists stored, to give {@link #storedHere} once the transaction has committed.
     */
    long store(Connection connection, Lists lists) throws SQLException {
        for (Map.Entry<Long, List<RelatedStore.Scored>> list : lists.byArticle().entrySet()) {
            related.replace(connection, list.getKey(), list.getValue(), clock.instant());
        }
        related.markStale(connection, lists.stale());
        return changes.listsStored(connection);
    }

    /**
     * The count of lists stored as of this node's last committed store, after which it dropped its
     * rendered feeds itself: seeing that count in the store again is not news (see ExternalChanges).
     */
    long listsStoredHere() {
        return storedHere.get();
    }

    /** Notes a committed store of lists, by its count. */
    void storedHere(long count) {
        storedHere.accumulateAndGet(count, Math::max);
    }

    /**
     * Computes up to {@code limit} lists that are missing, marked stale, or older than their
     * article (after a batch, a rebuild, or for a store filled before the log existed); returns
     * how many it computed. {@code afterCommit} runs once the lists are stored (cached feeds are dropped then).
     */
    int refreshStale(int limit, Runnable afterCommit) {
        List<Long> stale = database.read(connection -> related.stale(connection, limit));
        Map<Long, List<RelatedStore.Scored>> lists = new LinkedHashMap<>();
        for (Article article : database.read(connection -> articles.load(connection, stale))) {
            if (!article.isDeleted()) {
                lists.put(article.id(), scored(finder.relatedTo(indexed(article), RELATED_PER_ARTICLE)));
            }
        }
        if (!lists.isEmpty()) {
            storedHere(database.write(connection -> store(connection, new Lists(lists, Set.of())), afterCommit));
        }
        return stale.size();
    }

    private void rebuild(Consumer<String> progress) {
        long upTo = database.read(changes::latest); // changes after this are taken in from the log afterwards
        long live = database.read(articles::countLive);
        progress.accept("search index: rebuilding from the database (" + live + " articles)");
        index.clear();
        long last = 0;
        int done = 0;
        while (true) {
            long after = last;
            List<Article> batch = database.read(connection -> articles.load(connection, related.liveAfter(connection, after, REBUILD_BATCH)));
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(article -> index.put(indexed(article)));
            done += batch.size();
            last = batch.get(batch.size() - 1).id();
            if (done % 50_000 < REBUILD_BATCH) {
                progress.accept("search index: " + done + " of " + live + " articles");
            }
        }
        index.commit(upTo);
        progress.accept("search index: rebuilt with " + index.count() + " articles");
    }

    private Map<Long, Article> load(List<ChangeLog.Change> batch) {
        List<Long> ids = batch.stream().map(ChangeLog.Change::articleId).distinct().toList();
        Map<Long, Article> loaded = new LinkedHashMap<>();
        database.read(connection -> articles.load(connection, ids)).forEach(article -> loaded.put(article.id(), article));
        return loaded;
    }

    private void index(Map<Long, Article> changed) {
        for (Article article : changed.values()) {
            if (article.isDeleted()) {
                index.remove(article.id());
            } else {
                index.put(indexed(article));
            }
        }
    }

    private List<RelatedStore.Scored> scored(List<ScoredArticle> found) {
        return found.stream().map(f -> new RelatedStore.Scored(f.id(), f.score(), reasons.write(f.reason()))).toList();
    }

    static IndexedArticle indexed(Article article) {
        return new IndexedArticle(article.id(), article.title(),
                article.summary() + "\n" + HtmlSanitizer.textOf(article.content()),
                article.categories().stream().map(Category::slug).toList(),
                article.tags().stream().map(Tag::slug).toList(),
                article.authors().stream().map(Author::name).toList(),
                Stream.concat(article.categories().stream().map(Category::name),
                        article.tags().stream().map(Tag::name)).toList(),
                article.published());
    }
}
