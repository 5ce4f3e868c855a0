package org.minbar.publish;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.minbar.config.FeedsDirectory;
import org.minbar.config.SiteConfig;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.Category;
import org.minbar.model.FeedKey;
import org.minbar.model.Tag;

/** The site in feeds/ at https://news.example.org, and a channel and an item of it, for the writers' tests. */
final class FeedFixtures {

    static final String BASE = "https://news.example.org";
    static final SiteConfig SITE = FeedsDirectory.load(Path.of("feeds"), Optional.of(BASE), BASE);
    static final SiteLinks LINKS = new SiteLinks(SITE);
    /** Five minutes, as served by default. */
    static final CacheLifetimes LIFETIMES = new CacheLifetimes(300);
    static final String LINK = BASE + "/2020/01/30/%D8%A7%D8%AF%D9%84%D8%A8/";

    private static final Instant PUBLISHED = Instant.parse("2020-01-30T11:10:00Z");

    private FeedFixtures() {}

    /** The site's feed, its first page. */
    static FeedChannel current() {
        return new FeedChannel(FeedKey.site(), SITE.title(), SITE.description(), "ar", PUBLISHED, List.of(), 1, 1, 0, 0);
    }

    /** The site's first and only RFC 5005 archive. */
    static FeedChannel archive() {
        return new FeedChannel(FeedKey.site(), SITE.title(), SITE.description(), "ar", PUBLISHED, List.of(), 1, 1, 1, 1);
    }

    /** An article in a category, with a tag and an author, and the lead image given. */
    static FeedItem item(Optional<String> image) {
        Article article = new Article(1, "urn:minbar:test:1", Optional.empty(), Optional.empty(), "2020/01/30/ادلب",
                "هجوم على إدلب", "ملخص الخبر", "<p>نص الخبر</p>",
                List.of(new Author("نور-الدين", "نور الدين", Optional.empty(), Optional.empty())),
                List.of(new Category("سوريا", "سوريا")), List.of(new Tag("ادلب", "إدلب")), PUBLISHED, PUBLISHED, image,
                List.of(), "ar", PUBLISHED, PUBLISHED, Optional.empty());
        return new FeedItem(article, LINK, List.of());
    }
}
