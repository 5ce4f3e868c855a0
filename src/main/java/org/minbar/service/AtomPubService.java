package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minbar.ingest.ArticleReaders;
import org.minbar.model.Article;
import org.minbar.model.FeedKind;
import org.minbar.model.Submission;
import org.minbar.publish.AtomPubDocuments;
import org.minbar.publish.FeedItem;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.Database;
import org.minbar.storage.Terms;

/**
 * AtomPub (RFC 5023) over the same articles and the same write path as the JSON API: one
 * collection that takes Atom entries, members that are read, replaced (If-Match) and deleted.
 */
public final class AtomPubService {

    static final int PAGE_SIZE = 20;

    /** A member entry as served: its document, its ETag and its address. */
    public record Member(byte[] body, String etag, String location, boolean created) {}

    private final Database database;
    private final ArticleService articles;
    private final AtomPubDocuments documents;
    private final SiteLinks links;
    private final ArticleStore store = new ArticleStore();
    private final RelatedStories related;

    public AtomPubService(Database database, ArticleService articles, SiteLinks links, AtomPubDocuments documents) {
        this.database = database;
        this.articles = articles;
        this.documents = documents;
        this.links = links;
        this.related = new RelatedStories(store, links);
    }

    public byte[] service() {
        return documents.service();
    }

    public byte[] categories() {
        return termsDocument(Terms.categories(), FeedKind.CATEGORY);
    }

    public byte[] tags() {
        return termsDocument(Terms.tags(), FeedKind.TAG);
    }

    private byte[] termsDocument(Terms terms, FeedKind taxonomy) {
        return database.read(connection -> documents.categories(taxonomy,
                terms.all(connection).stream().map(Terms.Term::name).toList()));
    }

    /** A page of the collection, 1-based; a page past the end is a 404 (page 1 always exists). */
    public byte[] collection(int page) {
        return database.read(connection -> {
            int count = (int) Math.max(1, (store.countLive(connection) + PAGE_SIZE - 1) / PAGE_SIZE);
            if (page > count) {
                throw new NotFoundException("the collection has " + count + " page" + (count == 1 ? "" : "s") + ", not " + page);
            }
            List<Article> members = store.load(connection, store.liveByEdited(connection, PAGE_SIZE, (page - 1) * PAGE_SIZE));
            List<FeedItem> items = new ArrayList<>();
            for (Article article : members) {
                items.add(item(connection, article));
            }
            return documents.collection(new AtomPubDocuments.Page(items, members.stream().map(Article::modified).toList(), page, count));
        });
    }

    public Member get(long id) {
        return member(articles.get(id), false);
    }

    /** POST to the collection: an Atom entry only, as the service document says. */
    public Member create(Submission submission) {
        requireEntry(submission);
        Saved saved = articles.submit(submission);
        return member(saved.article(), saved.created());
    }

    public Member replace(long id, Submission submission, Optional<String> ifMatch) {
        requireEntry(submission);
        return member(articles.replace(id, submission, ifMatch), false);
    }

    public void delete(long id, Optional<String> ifMatch) {
        articles.delete(id, ifMatch);
    }

    private static void requireEntry(Submission submission) {
        if (submission.mediaType() == null || !ArticleReaders.isAtomEntry(submission.mediaType())) {
            throw new UnsupportedFormatException("this collection accepts " + AtomPubDocuments.ENTRY_TYPE
                    + (submission.mediaType() == null ? " (no Content-Type was given)" : " (got " + submission.mediaType() + ")"));
        }
    }

    private Member member(Article article, boolean created) {
        byte[] body = database.read(connection -> documents.member(item(connection, article), article.modified()));
        return new Member(body, MemberVersions.etag(article), links.atomPubMember(article.id()), created);
    }

    private FeedItem item(Connection connection, Article article) throws SQLException {
        return new FeedItem(article, links.article(article), related.of(connection, article));
    }
}
