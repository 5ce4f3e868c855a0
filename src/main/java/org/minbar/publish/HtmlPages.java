package org.minbar.publish;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.minbar.config.SiteConfig;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.RelatedLink;

/**
 * The small right-to-left HTML pages this server renders: the home page listing every feed, a
 * page per category and author, and a page per article. Each carries link rel="alternate" for
 * its feeds so readers can discover them, and a visible subscribe link to each.
 */
public final class HtmlPages {

    /** A feed as a page lists it: what it is called and which slice it is. */
    public record FeedEntry(FeedKey key, String title) {}

    private static final String STYLE = "body{font-family:'Noto Naskh Arabic','Amiri',Tahoma,sans-serif;max-width:46rem;"
            + "margin:auto;padding:1rem;line-height:1.8;overflow-wrap:break-word}img{max-width:100%;height:auto}a{color:#0b5394}"
            + "h1,h2{line-height:1.4}.feeds a{margin-inline-end:.75rem}.feeds a[type]{white-space:nowrap}.byline,.dates{color:#555}"
            // A date after Arabic text would otherwise be laid out right to left (27-01-2020) and split across lines.
            + "time{direction:ltr;unicode-bidi:isolate;white-space:nowrap}";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final SiteConfig site;
    private final SiteLinks links;

    public HtmlPages(SiteConfig site, SiteLinks links) {
        this.site = site;
        this.links = links;
    }

    public String home(List<FeedEntry> categories, List<FeedEntry> authors, List<Article> newest) {
        FeedEntry siteFeed = new FeedEntry(FeedKey.site(), site.title());
        Document page = shell(site.title(), List.of(siteFeed));
        Element body = page.body();
        body.appendElement("h1").text(site.title());
        body.appendElement("p").text(site.description());
        body.appendElement("h2").text("خلاصات الموقع");
        feedList(body, List.of(siteFeed));
        if (!categories.isEmpty()) {
            body.appendElement("h2").text("التصنيفات");
            feedList(body, categories);
        }
        if (!authors.isEmpty()) {
            body.appendElement("h2").text("الكتّاب");
            feedList(body, authors);
        }
        articleList(body, "أحدث الأخبار", newest);
        addDiscovery(page, categories);
        addDiscovery(page, authors);
        return page.outerHtml();
    }

    public String listing(FeedEntry feed, String description, List<Article> newest) {
        Document page = shell(feed.title() + " – " + site.title(), List.of(feed));
        Element body = page.body();
        body.appendElement("p").appendElement("a").attr("href", links.home()).text(site.title());
        body.appendElement("h1").text(feed.title());
        body.appendElement("p").text(description);
        feedList(body, List.of(feed));
        articleList(body, "أحدث المقالات", newest);
        return page.outerHtml();
    }

    public String article(Article article, List<RelatedLink> related) {
        List<FeedEntry> feeds = new java.util.ArrayList<>();
        feeds.add(new FeedEntry(FeedKey.site(), site.title()));
        article.categories().forEach(c -> feeds.add(new FeedEntry(FeedKey.category(c.slug()), c.name())));
        article.authors().forEach(a -> feeds.add(new FeedEntry(FeedKey.author(a.slug()), a.name())));
        Document page = shell(article.title() + " – " + site.title(), feeds);
        page.head().appendElement("link").attr("rel", "canonical").attr("href", links.article(article));
        Element body = page.body();
        body.appendElement("p").appendElement("a").attr("href", links.home()).text(site.title());
        Element main = body.appendElement("article").attr("lang", article.language())
                .attr("dir", Languages.direction(article.language()));
        main.appendElement("h1").text(article.title());
        if (!article.authors().isEmpty()) {
            Element byline = main.appendElement("p").addClass("byline").appendText("بقلم ");
            for (int i = 0; i < article.authors().size(); i++) {
                Author author = article.authors().get(i);
                if (i > 0) {
                    byline.appendText("، ");
                }
                byline.appendElement("a").attr("rel", "author").attr("href", links.page(FeedKey.author(author.slug())))
                        .text(author.name());
            }
        }
        main.appendElement("p").addClass("dates").appendElement("time")
                .attr("datetime", article.published().toString()).text(DAY.format(article.published()));
        article.image().ifPresent(src -> main.appendElement("figure").appendElement("img").attr("src", src).attr("alt", article.title()));
        main.appendElement("div").addClass("content").html(article.content());
        if (!article.categories().isEmpty()) {
            Element list = main.appendElement("p").addClass("categories").appendText("التصنيفات: ");
            article.categories().forEach(c -> list.appendElement("a").attr("rel", "tag")
                    .attr("href", links.page(FeedKey.category(c.slug()))).text(c.name()).after(" "));
        }
        for (Author author : article.authors()) {
            author.bio().ifPresent(bio -> main.appendElement("aside").addClass("author-bio")
                    .appendElement("p").text(author.name() + ": " + bio));
        }
        if (!related.isEmpty()) {
            main.appendElement("h2").text(ItemHtml.RELATED_HEADING);
            Element list = main.appendElement("ul").addClass("related");
            related.forEach(r -> list.appendElement("li").appendElement("a").attr("href", r.url()).text(r.title()));
        }
        body.appendElement("h2").text("الخلاصات");
        feedList(body, feeds);
        return page.outerHtml();
    }

    private Document shell(String title, List<FeedEntry> feeds) {
        Document page = Document.createShell(links.home());
        page.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        page.insertChildren(0, new org.jsoup.nodes.DocumentType("html", "", ""));
        page.selectFirst("html").attr("lang", site.language()).attr("dir", Languages.direction(site.language()));
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
        addDiscovery(page, feeds);
        return page;
    }

    private void addDiscovery(Document page, List<FeedEntry> feeds) {
        for (FeedEntry feed : feeds) {
            for (FeedFormat format : FeedFormat.advertised()) {
                page.head().appendElement("link").attr("rel", "alternate").attr("type", format.mediaType())
                        .attr("title", feed.title() + " (" + format.label() + ")").attr("href", links.feed(feed.key(), format));
            }
        }
    }

    private void feedList(Element parent, List<FeedEntry> feeds) {
        Element list = parent.appendElement("ul").addClass("feeds");
        for (FeedEntry feed : feeds) {
            Element item = list.appendElement("li");
            item.appendElement("a").attr("href", links.page(feed.key())).text(feed.title());
            item.appendText(" — ");
            for (FeedFormat format : FeedFormat.advertised()) {
                item.appendElement("a").attr("href", links.feed(feed.key(), format)).attr("type", format.mediaType())
                        .text("اشترك (" + format.label() + ")");
            }
        }
    }

    private void articleList(Element parent, String heading, List<Article> articles) {
        if (articles.isEmpty()) {
            return;
        }
        parent.appendElement("h2").text(heading);
        Element list = parent.appendElement("ul").addClass("articles");
        for (Article article : articles) {
            Element item = list.appendElement("li");
            item.appendElement("a").attr("href", links.article(article)).text(article.title());
            item.appendText(" ").appendElement("time").attr("datetime", article.published().toString())
                    .text(DAY.format(article.published()));
        }
    }
}
