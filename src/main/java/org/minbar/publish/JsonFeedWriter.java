package org.minbar.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.Category;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.RelatedLink;
import org.minbar.model.Tag;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same items as the RSS and Atom feeds, with
 * authors, tags (categories and tags), content_html wrapped right to left, language, the WebSub
 * hubs, and the related stories under the extension key "_related".
 */
final class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final SiteLinks links;
    private final String siteTitle;

    JsonFeedWriter(SiteLinks links, String siteTitle) {
        this.links = links;
        this.siteTitle = siteTitle;
    }

    byte[] write(FeedChannel channel, List<FeedItem> items, int maxTextChars) {
        FeedKey key = channel.key();
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", VERSION);
        feed.put("title", channel.title());
        feed.put("home_page_url", links.page(key));
        feed.put("feed_url", links.feed(key, FeedFormat.JSON, channel.page()));
        if (channel.page() < channel.pages()) {
            feed.put("next_url", links.feed(key, FeedFormat.JSON, channel.page() + 1));
        }
        List<Map<String, String>> hubs = links.hubsOf(channel).stream().map(hub -> fields("type", "WebSub", "url", hub)).toList();
        if (!hubs.isEmpty()) {
            feed.put("hubs", hubs);
        }
        feed.put("description", channel.description());
        feed.put("language", channel.language());
        feed.put("authors", List.of(fields("name", siteTitle, "url", links.home())));
        List<Map<String, Object>> entries = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            entries.add(item(item, maxTextChars));
        }
        feed.put("items", entries);
        try {
            return JSON.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feed of strings and lists cannot fail to serialize", e);
        }
    }

    private Map<String, Object> item(FeedItem item, int maxTextChars) {
        Article article = item.article();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", article.feedId());
        json.put("url", item.link());
        json.put("title", article.title());
        json.put("content_html", ItemHtml.of(item, maxTextChars));
        json.put("summary", article.summary());
        article.image().ifPresent(image -> json.put("image", image));
        json.put("date_published", article.published().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("date_modified", article.updated().truncatedTo(ChronoUnit.SECONDS).toString());
        List<Map<String, String>> authors = new ArrayList<>();
        for (Author author : article.authors()) {
            authors.add(fields("name", author.name(), "url", author.url().orElse(links.page(FeedKey.author(author.slug())))));
        }
        if (!authors.isEmpty()) {
            json.put("authors", authors);
        }
        List<String> tags = new ArrayList<>();
        article.categories().stream().map(Category::name).forEach(tags::add);
        article.tags().stream().map(Tag::name).filter(name -> !tags.contains(name)).forEach(tags::add);
        if (!tags.isEmpty()) {
            json.put("tags", tags);
        }
        json.put("language", article.language());
        if (!item.related().isEmpty()) {
            List<Map<String, String>> related = new ArrayList<>();
            for (RelatedLink link : item.related()) {
                related.add(fields("title", link.title(), "url", link.url()));
            }
            json.put("_related", related);
        }
        return json;
    }

    /**
     * A JSON object with its members in the order given: {@code Map.of}'s order changes from one JVM
     * to the next, and nodes sharing a store must render the same bytes (and so the same ETag).
     */
    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }
}
