package org.minbar.config;

import java.util.Map;
import java.util.Optional;
import org.minbar.text.DateStyle;

/**
 * The channel data every feed is built from, validated: Arabic title and description, the
 * absolute base URL (no trailing slash), language, items per feed, how long Atom feeds announce
 * deletions, display data for categories and authors keyed by slug, the WebSub hub's settings, and how
 * reader pages write dates.
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        int itemsPerFeed,
        int maxItemContentChars,
        int tombstoneDays,
        Map<String, Display> categories,
        Map<String, Display> authors,
        WebSubConfig websub,
        DateStyle dates) {

    public SiteConfig {
        categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories)); // in the file's order: the site's sections
        authors = Map.copyOf(authors);
    }

    /** A site whose dates have the default style. */
    public SiteConfig(String title, String description, String baseUrl, String language, int itemsPerFeed,
                      int maxItemContentChars, int tombstoneDays, Map<String, Display> categories,
                      Map<String, Display> authors, WebSubConfig websub) {
        this(title, description, baseUrl, language, itemsPerFeed, maxItemContentChars, tombstoneDays, categories, authors,
                websub, DateStyle.DEFAULT);
    }

    /** A site whose hub has the default settings. */
    public SiteConfig(String title, String description, String baseUrl, String language, int itemsPerFeed,
                      int maxItemContentChars, int tombstoneDays, Map<String, Display> categories,
                      Map<String, Display> authors) {
        this(title, description, baseUrl, language, itemsPerFeed, maxItemContentChars, tombstoneDays, categories, authors,
                WebSubConfig.DEFAULTS);
    }

    public Optional<Display> category(String slug) {
        return Optional.ofNullable(categories.get(slug));
    }

    public Optional<Display> author(String slug) {
        return Optional.ofNullable(authors.get(slug));
    }

    /** An absolute URL for a path of this site that is already percent-encoded and starts with '/'. */
    public String absolute(String encodedPath) {
        return baseUrl + encodedPath;
    }
}
