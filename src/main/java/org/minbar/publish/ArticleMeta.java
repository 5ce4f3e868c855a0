package org.minbar.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.minbar.config.SiteConfig;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.FeedKey;

/**
 * What an article page tells link previews and search engines: the meta description, Open Graph,
 * the Twitter card and schema.org NewsArticle as JSON-LD.
 */
final class ArticleMeta {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int DESCRIPTION_CHARS = 300;

    private final SiteConfig site;
    private final SiteLinks links;

    ArticleMeta(SiteConfig site, SiteLinks links) {
        this.site = site;
        this.links = links;
    }

    /** The summary, cut at a word to at most 300 characters: what the description tags carry. */
    static String description(Article article) {
        String summary = article.summary().isBlank() ? article.title() : article.summary().strip();
        if (summary.length() <= DESCRIPTION_CHARS) {
            return summary;
        }
        int cut = summary.lastIndexOf(' ', DESCRIPTION_CHARS - 1);
        return summary.substring(0, cut > 0 ? cut : DESCRIPTION_CHARS - 1) + "…";
    }

    void add(Element head, Article article) {
        String url = links.article(article);
        String description = description(article);
        property(head, "og:type", "article");
        property(head, "og:site_name", site.title());
        property(head, "og:title", article.title());
        property(head, "og:description", description);
        property(head, "og:url", url);
        property(head, "og:locale", "ar_AR");
        article.image().ifPresent(image -> property(head, "og:image", image));
        property(head, "article:published_time", article.published().toString());
        property(head, "article:modified_time", article.updated().toString());
        article.authors().forEach(author -> property(head, "article:author", links.page(FeedKey.author(author.slug()))));
        article.categories().forEach(category -> property(head, "article:section", category.name()));
        article.tags().forEach(tag -> property(head, "article:tag", tag.name()));
        name(head, "twitter:card", article.image().isPresent() ? "summary_large_image" : "summary");
        name(head, "twitter:title", article.title());
        name(head, "twitter:description", description);
        article.image().ifPresent(image -> name(head, "twitter:image", image));
        head.appendElement("script").attr("type", "application/ld+json").appendChild(new DataNode(jsonLd(article, url, description)));
    }

    private String jsonLd(Article article, String url, String description) {
        ObjectNode json = JSON.createObjectNode();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("headline", article.title());
        json.put("description", description);
        json.put("datePublished", article.published().toString());
        json.put("dateModified", article.updated().toString());
        json.put("inLanguage", article.language());
        json.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", url);
        article.image().ifPresent(image -> json.putArray("image").add(image));
        ArrayNode authors = json.putArray("author");
        for (Author author : article.authors()) {
            authors.addObject().put("@type", "Person").put("name", author.name())
                    .put("url", links.page(FeedKey.author(author.slug())));
        }
        json.putObject("publisher").put("@type", "Organization").put("name", site.title()).put("url", links.home());
        if (!article.categories().isEmpty()) {
            json.put("articleSection", article.categories().get(0).name());
        }
        try {
            // "</" would end the script element early: "<\/" is the same JSON string.
            return JSON.writeValueAsString(json).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD of article " + article.id(), e);
        }
    }

    private static void property(Element head, String property, String content) {
        head.appendElement("meta").attr("property", property).attr("content", content);
    }

    private static void name(Element head, String name, String content) {
        head.appendElement("meta").attr("name", name).attr("content", content);
    }
}
