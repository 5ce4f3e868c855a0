package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.minbar.ingest.ArticleReaders;
import org.minbar.ingest.WordPressId;
import org.minbar.ingest.InvalidArticleException;
import org.minbar.model.Article;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Author;
import org.minbar.model.AuthorDraft;
import org.minbar.model.EntryIds;
import org.minbar.model.FeedKey;
import org.minbar.model.RelatedLink;
import org.minbar.model.Submission;
import org.minbar.model.TermDraft;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleRow;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.AuthorStore;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;
import org.minbar.storage.StorageException;
import org.minbar.storage.TermTable;

/**
 * Publishing use cases: create or update an article from a submission (the same guid or URL
 * updates rather than duplicates), many at once, replace one by id, delete one, read one. A
 * submission is read, validated and sanitized on the caller's thread; the write itself joins the
 * writes waiting beside it in one durable transaction (group commit) that also appends the change
 * to the change log, and returns once that is on disk. Nothing else waits: the search index,
 * related stories, rendered feeds and WebSub pushes follow the log ({@link Derivation}).
 */
public final class ArticleService {

    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Database database;
    private final ArticleReaders readers;
    private final ArticleStore articles = new ArticleStore();
    private final AuthorStore authors = new AuthorStore();
    private final ChangeLog changes = new ChangeLog();
    private final FeedHistory history;
    private final Derivation derivation;
    private final TermIdentity terms;
    private final AtomicReference<Instant> lastNow = new AtomicReference<>(Instant.EPOCH);
    private final RelatedStories relatedStories;
    private final Clock clock;

    public ArticleService(Database database, ArticleReaders readers, FeedHistory history, Derivation derivation,
                          SiteLinks links, Clock clock) {
        this.database = database;
        this.readers = readers;
        this.history = history;
        this.derivation = derivation;
        this.terms = new TermIdentity(links.site(), links, history, clock);
        this.relatedStories = new RelatedStories(articles, links);
        this.clock = clock;
    }

    /** Creates an article, or updates the one with the same guid or URL. */
    public Saved submit(Submission submission) {
        return save(read(submission));
    }

    /** Creates or updates (by guid or URL) from a complete draft, as the importer does. */
    public Saved save(ArticleDraft draft) {
        return database.write(connection -> saveIn(connection, draft), derivation::changed);
    }

    /** What became of one submission of many: the article saved, or why it was refused. */
    public record Outcome(Optional<Saved> saved, Optional<RuntimeException> failure) {

        static Outcome of(Saved saved) {
            return new Outcome(Optional.of(saved), Optional.empty());
        }

        static Outcome refused(RuntimeException failure) {
            return new Outcome(Optional.empty(), Optional.of(failure));
        }
    }

    /**
     * Reads every submission (in parallel, off the writer), then saves the good ones in one
     * transaction, each inside its own savepoint so a refused one leaves nothing and the others
     * still commit. One outcome per submission, in order.
     */
    public List<Outcome> submitAll(List<Submission> submissions) {
        List<Object> drafts = submissions.parallelStream().map(submission -> {
            try {
                return (Object) read(submission);
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        return storeAll(drafts);
    }

    /** As {@link #submitAll}, for complete drafts already read (an import). */
    public List<Outcome> saveAll(List<ArticleDraft> drafts) {
        return storeAll(new ArrayList<>(drafts));
    }

    private List<Outcome> storeAll(List<Object> drafts) {
        if (drafts.stream().noneMatch(ArticleDraft.class::isInstance)) {
            return drafts.stream().map(failure -> Outcome.refused((RuntimeException) failure)).toList();
        }
        return database.write(connection -> {
            List<Outcome> outcomes = new ArrayList<>(drafts.size());
            for (Object item : drafts) {
                outcomes.add(item instanceof ArticleDraft draft ? saveInSavepoint(connection, draft)
                        : Outcome.refused((RuntimeException) item));
            }
            return outcomes;
        }, derivation::changed);
    }

    private Outcome saveInSavepoint(Connection connection, ArticleDraft draft) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            Saved saved = saveIn(connection, draft);
            connection.releaseSavepoint(savepoint);
            return Outcome.of(saved);
        } catch (SQLException | RuntimeException e) {
            connection.rollback(savepoint); // fails, and so fails the batch, when SQLite has dropped the transaction
            connection.releaseSavepoint(savepoint);
            return Outcome.refused(e instanceof RuntimeException runtime ? runtime
                    : new StorageException("write failed: " + e.getMessage(), e));
        }
    }

    private Saved saveIn(Connection connection, ArticleDraft draft) throws SQLException {
        Optional<Long> byGuid = byGuid(connection, draft);
        Optional<Long> byUrl = byUrl(connection, draft);
        if (byGuid.isPresent() && byUrl.isPresent() && !byGuid.equals(byUrl)) {
            throw new ConflictException("guid '" + draft.guid().get() + "' belongs to article " + byGuid.get()
                    + " but url '" + draft.url().get() + "' to article " + byUrl.get());
        }
        Optional<Long> existing = byGuid.or(() -> byUrl);
        if (existing.isPresent()) {
            Written written = update(connection, existing.get(), draft);
            return new Saved(written.article(), false, written.changed());
        }
        return new Saved(insert(connection, draft), true, true);
    }

    private Optional<Long> byGuid(Connection connection, ArticleDraft draft) throws SQLException {
        return draft.guid().isEmpty() ? Optional.empty() : articles.idByGuid(connection, draft.guid().get());
    }

    private Optional<Long> byUrl(Connection connection, ArticleDraft draft) throws SQLException {
        return draft.url().isEmpty() ? Optional.empty() : articles.idByUrl(connection, draft.url().get());
    }

    /** Replaces the article with this id; it keeps its id, feed id and page address. */
    public Article replace(long id, Submission submission) {
        return replace(id, submission, Optional.empty());
    }

    /** Replaces the article if If-Match (when given) names its current version; checked in the same transaction. */
    public Article replace(long id, Submission submission, Optional<String> ifMatch) {
        ArticleDraft draft = read(submission);
        return database.write(connection -> {
            Article current = articles.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("no article with id " + id));
            MemberVersions.check(current, ifMatch);
            for (Optional<Long> other : List.of(byGuid(connection, draft), byUrl(connection, draft))) {
                if (other.isPresent() && other.get() != id) {
                    throw new ConflictException("the guid or url given belongs to another article, " + other.get());
                }
            }
            return update(connection, id, draft).article();
        }, derivation::changed);
    }

    /** Takes the article out of every feed; its page then answers 410 Gone. */
    public void delete(long id) {
        delete(id, Optional.empty());
    }

    /** Deletes the article if If-Match (when given) names its current version. */
    public void delete(long id, Optional<String> ifMatch) {
        database.write(connection -> {
            Article article = articles.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("no article with id " + id));
            if (article.isDeleted()) {
                throw new GoneException("article " + id + " was already deleted at " + article.deleted().get());
            }
            MemberVersions.check(article, ifMatch);
            Instant now = now();
            articles.markDeleted(connection, id, now);
            history.deleted(connection, id);
            changes.append(connection, id, ChangeLog.Kind.DELETED, now, article.feeds(), now);
            return null;
        }, derivation::changed);
    }

    public Article get(long id) {
        Article article = database.read(connection -> articles.find(connection, id))
                .orElseThrow(() -> new NotFoundException("no article with id " + id));
        if (article.isDeleted()) {
            throw new GoneException("article " + id + " was deleted at " + article.deleted().get());
        }
        return article;
    }

    /** Whether a change to the article is committed but not yet in the index, related stories and pushes. */
    public boolean derivationPending(long id) {
        return derivation.isPending(id);
    }

    /** The related stories feeds show for the article, with who chose each, its score and, for a similar one, why. */
    public List<RelatedChoice> related(long id) {
        get(id);
        return database.read(connection -> relatedStories.explained(connection, articles.find(connection, id).orElseThrow()));
    }

    /**
     * Remembers the ids a WordPress export gave its categories, tags and authors, for the ?cat=5 and
     * ?author=3 addresses its subscribers hold; returns how many terms here took one.
     */
    public int recordWordPressIds(List<WordPressId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return database.write(connection -> terms.recordWordPressIds(connection, ids));
    }

    public boolean isEmpty() {
        return database.read(articles::count) == 0;
    }

    private ArticleDraft read(Submission submission) {
        if (!readers.accepts(submission.mediaType())) {
            throw new UnsupportedFormatException("Content-Type must be " + ArticleReaders.accepted()
                    + (submission.mediaType() == null ? " (none was given)" : " (got " + submission.mediaType() + ")"));
        }
        try {
            return readers.read(submission);
        } catch (InvalidArticleException e) {
            throw new InvalidInputException(e.getMessage(), e.problems(), e.unprocessable());
        }
    }

    private Article insert(Connection connection, ArticleDraft draft) throws SQLException {
        Instant now = now();
        Instant published = draft.published().orElse(now);
        Instant updated = draft.updated().orElse(published);
        String feedId = EntryIds.forNew(draft.guid().orElse(null));
        ArticleRow row = row(draft, feedId, uniquePath(connection, published, draft.slug().orElseThrow()), published,
                updated, now, now);
        long id = articles.insert(connection, row);
        writeLinks(connection, id, draft, published);
        Article inserted = articles.find(connection, id).orElseThrow();
        changes.append(connection, id, ChangeLog.Kind.CREATED, inserted.modified(), inserted.feeds(), now);
        return inserted;
    }

    /** What an update left: the article, and whether anything changed. */
    private record Written(Article article, boolean changed) {}

    private Written update(Connection connection, long id, ArticleDraft draft) throws SQLException {
        Article existing = articles.find(connection, id).orElseThrow();
        if (Reposts.unchanged(existing, draft)) {
            return new Written(existing, false);
        }
        Instant published = draft.published().orElse(existing.published());
        Instant now = now();
        Instant updated = draft.updated().orElse(now.isBefore(published) ? published : now);
        ArticleRow row = row(draft, existing.feedId(), existing.path(), published, updated, existing.created(), now);
        articles.replace(connection, id, row);
        writeLinks(connection, id, draft, published);
        Article stored = articles.find(connection, id).orElseThrow();
        // The feeds it left are touched too, so their subscribers and caches see it go.
        Set<FeedKey> feeds = new LinkedHashSet<>(stored.feeds());
        if (!existing.isDeleted()) {
            feeds.addAll(existing.feeds());
        }
        changes.append(connection, id, ChangeLog.Kind.UPDATED, stored.modified(), feeds, now);
        return new Written(stored, true);
    }

    private static ArticleRow row(ArticleDraft draft, String feedId, String path, Instant published, Instant updated,
                                  Instant created, Instant modified) {
        return new ArticleRow(feedId, draft.guid(), draft.url(), path, draft.title(), draft.summary().orElseThrow(),
                draft.content(), draft.image(), draft.language(), published, updated, created, modified);
    }

    private void writeLinks(Connection connection, long id, ArticleDraft draft, Instant published) throws SQLException {
        List<Long> authorIds = new ArrayList<>();
        for (AuthorDraft author : draft.authors()) {
            long authorId = terms.resolve(connection, TermTable.AUTHOR, author.name(), author.slug().orElseThrow());
            authors.refresh(connection, authorId, author.bio(), author.url());
            if (!authorIds.contains(authorId)) {
                authorIds.add(authorId);
            }
        }
        List<Long> categoryIds = resolved(connection, TermTable.CATEGORY, draft.categories());
        List<Long> tagIds = resolved(connection, TermTable.TAG, draft.tags());
        articles.replaceLinks(connection, id, published, authorIds, categoryIds, tagIds, draft.related());
        history.written(connection, id, authorIds, categoryIds, tagIds);
    }

    /** The terms these drafts name, each once (two spellings of one term are one), in order. */
    private List<Long> resolved(Connection connection, TermTable table, List<TermDraft> drafts) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (TermDraft draft : drafts) {
            long id = terms.resolve(connection, table, draft.name(), draft.slug().orElseThrow());
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** yyyy/MM/dd/slug, with -2, -3 … when another article already has it. */
    private String uniquePath(Connection connection, Instant published, String slug) throws SQLException {
        String base = DAY_PATH.format(published) + "/" + (slug.isEmpty() ? "article" : slug);
        String path = base;
        for (int n = 2; articles.pathTaken(connection, path); n++) {
            path = base + "-" + n;
        }
        return path;
    }

    /**
     * The time of a write, to the millisecond the store keeps, and later than the one before: articles
     * written in one batch without dates of their own are told apart and ordered, in feeds and logs.
     */
    private Instant now() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return lastNow.accumulateAndGet(now, (last, next) -> next.isAfter(last) ? next : last.plusMillis(1));
    }
}
