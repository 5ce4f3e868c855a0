package org.minbar.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jsoup.nodes.Entities;
import org.minbar.ingest.ArticleReaders;
import org.minbar.ingest.DraftValidator;
import org.minbar.ingest.InvalidArticleException;
import org.minbar.model.Submission;
import org.minbar.model.Article;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Author;
import org.minbar.model.AuthorDraft;
import org.minbar.model.RelatedLink;
import org.minbar.publish.SiteLinks;
import org.minbar.model.TermDraft;
import org.minbar.storage.ArticleRow;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.AuthorStore;
import org.minbar.storage.Database;
import org.minbar.storage.Terms;
import org.minbar.text.Slugs;

/**
 * Publishing use cases: create or update an article from a submission (the same guid or URL
 * updates rather than duplicates), replace one by id, delete one, read one. Each write is one
 * transaction, committed before the method returns, that also queues the WebSub pushes of every feed
 * the change touches; then the search index and related stories take it in, cached feeds are
 * dropped and the pushes go out.
 */
public final class ArticleService {

    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Database database;
    private final ArticleReaders readers;
    private final ArticleStore articles = new ArticleStore();
    private final AuthorStore authors = new AuthorStore();
    private final Terms categories = Terms.categories();
    private final Terms tags = Terms.tags();
    private final FeedCache cache;
    private final FeedHistory history;
    private final RelatedIndexing related;
    private final RelatedStories relatedStories;
    private final HubOutbox hub;
    private final Clock clock;

    public ArticleService(Database database, ArticleReaders readers, FeedCache cache, FeedHistory history,
                          RelatedIndexing related, SiteLinks links, HubOutbox hub, Clock clock) {
        this.database = database;
        this.readers = readers;
        this.cache = cache;
        this.history = history;
        this.related = related;
        this.hub = hub;
        this.relatedStories = new RelatedStories(articles, links);
        this.clock = clock;
    }

    /** Creates an article, or updates the one with the same guid or URL. */
    public Saved submit(Submission submission) {
        return save(read(submission));
    }

    /** Creates or updates (by guid or URL) from a draft already read, as the importer does. */
    public Saved save(ArticleDraft draft) {
        return underWay(() -> saveWhole(draft));
    }

    private Saved saveWhole(ArticleDraft draft) {
        Saved saved = database.write(connection -> {
            Optional<Long> byGuid = lookup(connection, draft.guid(), true);
            Optional<Long> byUrl = lookup(connection, draft.url(), false);
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
        }, cache::invalidateAll);
        if (saved.changed()) {
            written(saved.article().id());
        }
        return saved;
    }

    /** Replaces the article with this id; it keeps its id, feed id and page address. */
    public Article replace(long id, Submission submission) {
        return replace(id, submission, Optional.empty());
    }

    /** Replaces the article if If-Match (when given) names its current version; checked in the same transaction. */
    public Article replace(long id, Submission submission, Optional<String> ifMatch) {
        ArticleDraft draft = read(submission);
        return underWay(() -> replaceWhole(id, draft, ifMatch));
    }

    private Article replaceWhole(long id, ArticleDraft draft, Optional<String> ifMatch) {
        Written written = database.write(connection -> {
            Article current = articles.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("no article with id " + id));
            MemberVersions.check(current, ifMatch);
            for (Optional<Long> other : List.of(lookup(connection, draft.guid(), true), lookup(connection, draft.url(), false))) {
                if (other.isPresent() && other.get() != id) {
                    throw new ConflictException("the guid or url given belongs to another article, " + other.get());
                }
            }
            return update(connection, id, draft);
        }, cache::invalidateAll);
        if (written.changed()) {
            written(id);
        }
        return written.article();
    }

    /** Takes the article out of every feed; its page then answers 410 Gone. */
    public void delete(long id) {
        delete(id, Optional.empty());
    }

    /** Deletes the article if If-Match (when given) names its current version. */
    public void delete(long id, Optional<String> ifMatch) {
        underWay(() -> {
            deleteWhole(id, ifMatch);
            return null;
        });
    }

    /** Runs a write with the hub told it is under way, so its pushes wait until it is wholly done. */
    private <T> T underWay(Supplier<T> write) {
        hub.writeBegins();
        try {
            return write.get();
        } finally {
            hub.writeEnds();
        }
    }

    private void deleteWhole(long id, Optional<String> ifMatch) {
        database.write(connection -> {
            Article article = articles.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("no article with id " + id));
            if (article.isDeleted()) {
                throw new GoneException("article " + id + " was already deleted at " + article.deleted().get());
            }
            MemberVersions.check(article, ifMatch);
            hub.record(connection, List.of(article));
            articles.markDeleted(connection, id, now());
            history.deleted(connection, id);
            return null;
        }, cache::invalidateAll);
        written(id);
    }

    public Article get(long id) {
        Article article = database.read(connection -> articles.find(connection, id))
                .orElseThrow(() -> new NotFoundException("no article with id " + id));
        if (article.isDeleted()) {
            throw new GoneException("article " + id + " was deleted at " + article.deleted().get());
        }
        return article;
    }

    /** The related stories feeds show for the article, with how each was chosen and its score. */
    public List<RelatedLink> related(long id) {
        get(id);
        return database.read(connection -> relatedStories.of(connection, articles.find(connection, id).orElseThrow()));
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

    private Optional<Long> lookup(Connection connection, Optional<String> value, boolean guid) throws SQLException {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return guid ? articles.idByGuid(connection, value.get()) : articles.idByUrl(connection, value.get());
    }

    private Article insert(Connection connection, ArticleDraft draft) throws SQLException {
        Instant now = now();
        Instant published = draft.published().orElse(now);
        Instant updated = draft.updated().orElse(published);
        String feedId = draft.guid().filter(ArticleService::isAbsoluteUri).orElseGet(() -> "urn:uuid:" + UUID.randomUUID());
        ArticleRow row = row(draft, feedId, uniquePath(connection, published, draft.slug().orElse(draft.title())), published, updated, now, now);
        long id = articles.insert(connection, row);
        writeLinks(connection, id, draft, published);
        Article inserted = articles.find(connection, id).orElseThrow();
        hub.record(connection, List.of(inserted));
        return inserted;
    }

    /** What an update left: the article, and whether anything changed. */
    private record Written(Article article, boolean changed) {}

    /**
     * After a committed change: the index and related stories take it in, cached feeds are dropped;
     * the pushes go out as the write ends. Feeds were dropped already as the write committed, under
     * its lock, so readers see the change at once and, should pushes stop waiting for writes (which
     * they do after 2 s of writes without a pause), the dispatcher, which claims a delivery under
     * the same lock, never sends a document cached before the write. They are dropped again here so
     * that no feed rendered in between, without the new related stories, stays.
     */
    private void written(long id) {
        related.written(id);
        cache.invalidateAll();
    }

    private Written update(Connection connection, long id, ArticleDraft draft) throws SQLException {
        Article existing = articles.find(connection, id).orElseThrow();
        Instant published = draft.published().orElse(existing.published());
        if (!existing.isDeleted() && draft.updated().isEmpty() && unchanged(existing, draft, published)) {
            return new Written(existing, false);
        }
        Instant now = now();
        Instant updated = draft.updated().orElse(now.isBefore(published) ? published : now);
        ArticleRow row = row(draft, existing.feedId(), existing.path(), published, updated, existing.created(), now);
        articles.replace(connection, id, row);
        writeLinks(connection, id, draft, published);
        Article stored = articles.find(connection, id).orElseThrow();
        // The feeds it left get the push too, so their subscribers see it go.
        hub.record(connection, existing.isDeleted() ? List.of(stored) : List.of(existing, stored));
        return new Written(stored, true);
    }

    /** A re-post of what is stored changes nothing, so a publisher's retry does not bump "updated". */
    private static boolean unchanged(Article existing, ArticleDraft draft, Instant published) {
        return existing.guid().equals(draft.guid())
                && existing.url().equals(draft.url())
                && existing.title().equals(draft.title())
                && existing.summary().equals(summaryOf(draft))
                && existing.content().equals(contentOf(draft))
                && existing.image().equals(draft.image())
                && existing.language().equals(draft.language())
                && existing.published().equals(published)
                && existing.related().equals(draft.related())
                && sameAuthors(existing.authors(), draft.authors())
                && existing.categories().stream().map(c -> c.slug()).toList().equals(slugs(draft.categories()))
                && existing.tags().stream().map(t -> t.slug()).toList().equals(slugs(draft.tags()));
    }

    private static List<String> slugs(List<TermDraft> terms) {
        return terms.stream().map(ArticleService::slug).toList();
    }

    private static String slug(TermDraft term) {
        return term.slug().orElseGet(() -> Slugs.of(term.name()));
    }

    /** Same names in the same order, and no bio or URL given that differs from the stored one. */
    private static boolean sameAuthors(List<Author> stored, List<AuthorDraft> given) {
        if (stored.size() != given.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Author author = stored.get(i);
            AuthorDraft draft = given.get(i);
            if (!author.name().equals(draft.name())
                    || (draft.bio().isPresent() && !draft.bio().equals(author.bio()))
                    || (draft.url().isPresent() && !draft.url().equals(author.url()))) {
                return false;
            }
        }
        return true;
    }

    private static ArticleRow row(ArticleDraft draft, String feedId, String path, Instant published, Instant updated,
                                  Instant created, Instant modified) {
        return new ArticleRow(feedId, draft.guid(), draft.url(), path, draft.title(), summaryOf(draft), contentOf(draft),
                draft.image(), draft.language(), published, updated, created, modified);
    }

    private static String summaryOf(ArticleDraft draft) {
        return draft.summary().orElseGet(() -> DraftValidator.summaryFrom(draft.content()));
    }

    private static String contentOf(ArticleDraft draft) {
        return draft.content().isEmpty() ? "<p>" + Entities.escape(draft.summary().orElse("")) + "</p>" : draft.content();
    }

    private void writeLinks(Connection connection, long id, ArticleDraft draft, Instant published) throws SQLException {
        List<Long> authorIds = new ArrayList<>();
        for (AuthorDraft author : draft.authors()) {
            long authorId = authors.upsert(connection, new Author(Slugs.of(author.name()), author.name(), author.bio(), author.url()));
            if (!authorIds.contains(authorId)) {
                authorIds.add(authorId);
            }
        }
        List<Long> categoryIds = new ArrayList<>();
        for (TermDraft category : draft.categories()) {
            categoryIds.add(categories.upsert(connection, slug(category), category.name()));
        }
        List<Long> tagIds = new ArrayList<>();
        for (TermDraft tag : draft.tags()) {
            tagIds.add(tags.upsert(connection, slug(tag), tag.name()));
        }
        articles.replaceLinks(connection, id, published, authorIds, categoryIds, tagIds, draft.related());
        history.written(connection, id, authorIds, categoryIds, tagIds);
    }

    /** yyyy/MM/dd/slug (given, or of the title), with -2, -3 … when another article already has it. */
    private String uniquePath(Connection connection, Instant published, String slugOrTitle) throws SQLException {
        String slug = Slugs.of(slugOrTitle);
        String base = DAY_PATH.format(published) + "/" + (slug.isEmpty() ? "article" : slug);
        String path = base;
        for (int n = 2; articles.pathTaken(connection, path); n++) {
            path = base + "-" + n;
        }
        return path;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static boolean isAbsoluteUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && value.chars().noneMatch(Character::isWhitespace);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
