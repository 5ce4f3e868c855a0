package org.minbar.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
import org.minbar.storage.Database;
import org.minbar.storage.RelatedStore;

/**
 * Keeps the search index and the stored related-story lists in step with the database. After
 * each committed write, in the same request: the article is indexed (or removed), its list is
 * computed, and the lists of the articles it is now most like (or, once deleted, of those that
 * named it) are computed again, at most {@link #REFRESHED_PER_WRITE} of them. At start,
 * {@link #bringUpToDate} rebuilds a missing or damaged index and catches up on what a crash left
 * behind. In bulk mode (imports) the index is committed and lists computed only at {@link #finish}.
 */
public final class RelatedIndexing {

    public static final int RELATED_PER_ARTICLE = 5;
    static final int REFRESHED_PER_WRITE = 10;
    private static final int BATCH = 500;

    private final Database database;
    private final ArticleIndex index;
    private final RelatedFinder finder;
    private final Clock clock;
    private final boolean bulk;
    private final ArticleStore articles = new ArticleStore();
    private final RelatedStore related = new RelatedStore();

    private RelatedIndexing(Database database, ArticleIndex index, Clock clock, boolean bulk) {
        this.database = database;
        this.index = index;
        this.finder = index == null ? null : new RelatedFinder(index);
        this.clock = clock;
        this.bulk = bulk;
    }

    /** For the server: every write is indexed and related at once. */
    public static RelatedIndexing immediate(Database database, ArticleIndex index, Clock clock) {
        return new RelatedIndexing(database, index, clock, false);
    }

    /** For imports: writes are indexed, and lists computed for everything at {@link #finish}. */
    public static RelatedIndexing bulk(Database database, ArticleIndex index, Clock clock) {
        return new RelatedIndexing(database, index, clock, true);
    }

    /**
     * For an import beside a running server, which holds the index: writes go to the database
     * only, and the server takes them in (it watches for writes it did not make).
     */
    public static RelatedIndexing leftToTheServer(Database database, Clock clock) {
        return new RelatedIndexing(database, null, clock, true);
    }

    /** After a committed create, update or delete of the article. */
    public synchronized void written(long id) {
        if (index == null) {
            return;
        }
        Optional<Article> article = database.read(connection -> articles.find(connection, id));
        if (article.isEmpty()) {
            return;
        }
        IndexedArticle document = article.get().isDeleted() ? null : indexed(article.get()); // parses the content once
        if (document == null) {
            index.remove(id);
        } else {
            index.put(document);
        }
        if (bulk) {
            return;
        }
        index.commit(Math.max(index.watermark(), article.get().modified().toEpochMilli()));
        Map<Long, List<ScoredArticle>> lists = new LinkedHashMap<>();
        Set<Long> refresh = new LinkedHashSet<>();
        if (document == null) {
            refresh.addAll(database.read(connection -> related.referencing(connection, id, REFRESHED_PER_WRITE)));
        } else {
            List<ScoredArticle> neighbours = finder.relatedTo(document, REFRESHED_PER_WRITE);
            lists.put(id, neighbours.subList(0, Math.min(RELATED_PER_ARTICLE, neighbours.size())));
            neighbours.forEach(n -> refresh.add(n.id()));
        }
        List<Article> neighbours = database.read(connection -> articles.load(connection, List.copyOf(refresh)));
        for (Article neighbour : neighbours) {
            if (!neighbour.isDeleted()) {
                lists.put(neighbour.id(), finder.relatedTo(indexed(neighbour), RELATED_PER_ARTICLE));
            }
        }
        store(lists); // one transaction for all the lists this write changed
    }

    /** Ends a bulk run: commits the index and computes every list that is missing or out of date. */
    public synchronized void finish(Consumer<String> progress) {
        if (index == null) {
            progress.accept("related stories: a running server holds the search index; it takes these articles in itself");
            return;
        }
        index.commit(database.read(articles::lastChange).map(i -> i.toEpochMilli()).orElse(0L));
        recomputeAll(progress);
    }

    /**
     * Makes the index match the database: rebuilt from scratch when it is empty or holds a
     * different number of articles, otherwise the articles changed since its watermark are taken
     * in; then every missing or out-of-date list is computed.
     */
    public synchronized void bringUpToDate(Consumer<String> progress) {
        long live = database.read(articles::countLive);
        long watermark = index.watermark();
        boolean stale = watermark < 0 || !index.analysisIsCurrent(); // read before any commit below stamps it
        if (!stale) {
            List<Long> changed = database.read(connection -> related.changedSince(connection, watermark));
            for (long id : changed) {
                Optional<Article> article = database.read(connection -> articles.find(connection, id));
                if (article.isPresent() && !article.get().isDeleted()) {
                    index.put(indexed(article.get()));
                } else {
                    index.remove(id);
                }
            }
            commitAtLastChange();
            if (!changed.isEmpty()) {
                progress.accept("search index: took in " + changed.size() + " changes made after its last commit");
            }
        }
        if (stale || index.count() != live) {
            rebuild(live, progress);
        }
        recomputeAll(progress);
    }

    private void rebuild(long live, Consumer<String> progress) {
        progress.accept("search index: rebuilding from the database (" + live + " articles)");
        index.clear();
        long last = 0;
        int done = 0;
        while (true) {
            long after = last;
            List<Article> batch = database.read(connection -> articles.load(connection, related.liveAfter(connection, after, BATCH)));
            if (batch.isEmpty()) {
                break;
            }
            for (Article article : batch) {
                index.put(indexed(article));
            }
            done += batch.size();
            last = batch.get(batch.size() - 1).id();
            if (done % 5_000 < BATCH) {
                progress.accept("search index: " + done + " of " + live + " articles");
            }
        }
        commitAtLastChange();
        progress.accept("search index: rebuilt with " + index.count() + " articles");
    }

    private void recomputeAll(Consumer<String> progress) {
        int done = 0;
        while (true) {
            List<Long> stale = database.read(connection -> related.stale(connection, BATCH));
            if (stale.isEmpty()) {
                break;
            }
            recomputeBatch(stale);
            done += stale.size();
            progress.accept("related stories: computed for " + done + " articles");
        }
    }

    private void commitAtLastChange() {
        index.commit(database.read(articles::lastChange).map(i -> i.toEpochMilli()).orElse(0L));
    }

    private void recomputeBatch(List<Long> ids) {
        Map<Long, List<ScoredArticle>> lists = new LinkedHashMap<>();
        for (Article article : database.read(connection -> articles.load(connection, ids))) {
            if (!article.isDeleted()) {
                lists.put(article.id(), finder.relatedTo(indexed(article), RELATED_PER_ARTICLE));
            }
        }
        store(lists);
    }

    private void store(Map<Long, List<ScoredArticle>> lists) {
        if (lists.isEmpty()) {
            return;
        }
        database.write(connection -> {
            for (Map.Entry<Long, List<ScoredArticle>> list : lists.entrySet()) {
                List<RelatedStore.Scored> scored = new ArrayList<>(list.getValue().size());
                list.getValue().forEach(f -> scored.add(new RelatedStore.Scored(f.id(), f.score())));
                related.replace(connection, list.getKey(), scored, clock.instant());
            }
            return null;
        });
    }

    static IndexedArticle indexed(Article article) {
        return new IndexedArticle(article.id(), article.title(),
                article.summary() + "\n" + HtmlSanitizer.textOf(article.content()),
                article.categories().stream().map(Category::slug).toList(),
                article.tags().stream().map(Tag::slug).toList(),
                article.authors().stream().map(Author::name).toList(),
                java.util.stream.Stream.concat(article.categories().stream().map(Category::name),
                        article.tags().stream().map(Tag::name)).toList(),
                article.published());
    }
}
