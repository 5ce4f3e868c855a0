package org.minbar.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minbar.model.FeedKind;
import org.minbar.text.Slugs;

/**
 * What an export's channel says about all its items, gathered as the reader passes it: authors
 * (login to display name), category and tag slugs by name, the WordPress ids of all three, the
 * blog's address and language.
 * Only these small maps are kept, never an item.
 */
final class WxrChannel {

    /** The most term and author ids kept: a hostile export cannot grow this list without bound. */
    static final int MAX_IDS = 100_000;

    private final Map<String, String> authors = new HashMap<>();
    private final Map<String, String> categorySlugs = new HashMap<>();
    private final Map<String, String> tagSlugs = new HashMap<>();
    private final List<WordPressId> wordPressIds = new ArrayList<>();
    private String blogUrl;
    private String language = "ar";
    private boolean isExport;

    void author(String login, String displayName, String id) {
        if (!isBlank(login) && !isBlank(displayName)) {
            authors.put(login.strip(), displayName.strip());
            // WordPress's author address is /author/{user_nicename}/: the login as sanitize_title makes it.
            wordPressId(FeedKind.AUTHOR, id, Slugs.of(login.strip()), displayName.strip());
        }
    }

    void category(String name, String nicename, String id) {
        if (!isBlank(name) && !isBlank(nicename)) {
            categorySlugs.putIfAbsent(name.strip(), nicename.strip());
            wordPressId(FeedKind.CATEGORY, id, Slugs.of(DraftValidator.percentDecoded(nicename.strip())), name.strip());
        }
    }

    void tag(String name, String slug, String id) {
        if (!isBlank(name) && !isBlank(slug)) {
            tagSlugs.putIfAbsent(name.strip(), slug.strip());
            wordPressId(FeedKind.TAG, id, Slugs.of(DraftValidator.percentDecoded(slug.strip())), name.strip());
        }
    }

    private void wordPressId(FeedKind kind, String id, String slug, String name) {
        if (!isBlank(id) && id.strip().matches("[0-9]{1,18}") && wordPressIds.size() < MAX_IDS) {
            wordPressIds.add(new WordPressId(kind, Long.parseLong(id.strip()), slug, name));
        }
    }

    /** The ids the export gave its categories, tags and authors, as read so far. */
    List<WordPressId> wordPressIds() {
        return List.copyOf(wordPressIds);
    }

    /**
     * The blog's address, against which relative links resolve when a post has no link of its own:
     * wp:base_blog_url, else the channel's link.
     */
    void blogUrl(String url, boolean preferred) {
        if (!isBlank(url) && (preferred || blogUrl == null)) {
            blogUrl = url.strip();
        }
    }

    /** The channel's language when it is a valid tag; an export's items have no language of their own. */
    void language(String raw) {
        DraftValidator check = new DraftValidator();
        String tag = check.language("language", raw);
        try {
            check.throwIfAny();
            language = tag;
        } catch (InvalidArticleException e) {
            // keep the default: a bad channel language should not fail every item
        }
    }

    /** Seen wp:wxr_version: this is a WordPress export, not some other RSS. */
    void markExport() {
        isExport = true;
    }

    boolean isExport() {
        return isExport;
    }

    /** The display name for a dc:creator login; the login itself when the export does not list the author. */
    String authorName(String login) {
        return authors.getOrDefault(login.strip(), login.strip());
    }

    Optional<String> categorySlug(String name) {
        return Optional.ofNullable(categorySlugs.get(name.strip()));
    }

    Optional<String> tagSlug(String name) {
        return Optional.ofNullable(tagSlugs.get(name.strip()));
    }

    Optional<String> blogUrl() {
        return Optional.ofNullable(blogUrl);
    }

    String language() {
        return language;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
