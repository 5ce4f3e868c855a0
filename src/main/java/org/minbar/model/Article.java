package org.minbar.model;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * A stored article. {@code feedId} is fixed when the article is first stored and never changes,
 * so feed readers never see it twice, and is always a valid entry id (see {@link EntryIds}); {@code path} is the address of the page this server renders
 * for it, also fixed at creation.
 */
public record Article(
        long id,
        String feedId,
        Optional<String> guid,
        Optional<String> url,
        String path,
        String title,
        String summary,
        String content,
        List<Author> authors,
        List<Category> categories,
        List<Tag> tags,
        Instant published,
        Instant updated,
        Optional<String> image,
        List<RelatedReference> related,
        String language,
        Instant created,
        Instant modified,
        Optional<Instant> deleted) {

    public Article {
        feedId = EntryIds.shown(feedId);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        related = List.copyOf(related);
    }

    public boolean isDeleted() {
        return deleted.isPresent();
    }

    /** Every feed this version of the article appears in: the site's, and its categories', authors' and tags'. */
    public Set<FeedKey> feeds() {
        Set<FeedKey> feeds = new LinkedHashSet<>();
        feeds.add(FeedKey.site());
        categories.forEach(category -> feeds.add(FeedKey.category(category.slug())));
        authors.forEach(author -> feeds.add(FeedKey.author(author.slug())));
        tags.forEach(tag -> feeds.add(FeedKey.tag(tag.slug())));
        return feeds;
    }
}
