package org.minbar.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an export's channel says about all its items, gathered as the reader passes it: authors
 * (login to display name), category and tag slugs by name, the blog's address and language.
 * Only these small maps are kept, never an item.
 */
final class WxrChannel {

    private final Map<String, String> authors = new HashMap<>();
    private final Map<String, String> categorySlugs = new HashMap<>();
    private final Map<String, String> tagSlugs = new HashMap<>();
    private String blogUrl;
    private String language = "ar";
    private boolean isExport;

    void author(String login, String displayName) {
        if (!isBlank(login) && !isBlank(displayName)) {
            authors.put(login.strip(), displayName.strip());
        }
    }

    void category(String name, String nicename) {
        if (!isBlank(name) && !isBlank(nicename)) {
            categorySlugs.putIfAbsent(name.strip(), nicename.strip());
        }
    }

    void tag(String name, String slug) {
        if (!isBlank(name) && !isBlank(slug)) {
            tagSlugs.putIfAbsent(name.strip(), slug.strip());
        }
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
