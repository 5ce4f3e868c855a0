package org.minbar.publish;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.minbar.config.SiteConfig;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.model.RelatedLink;
import org.minbar.text.ArabicDates;

/**
 * The right-to-left reader pages: the home page and the listing of a category, author or tag
 * (news first, a page at a time), search results, an article, the list of every feed, and the
 * error page a browser is shown. Each advertises only its own feeds with link rel="alternate" and
 * offers them in one folded subscribe control; /feeds/ lists them all.
 */
public final class HtmlPages {

    /** A feed as a page lists it: what it is called and which slice it is. */
    public record FeedEntry(FeedKey key, String title) {}

    /** Every feed of the site, as the feeds page lists them. */
    public record AllFeeds(List<FeedEntry> categories, List<FeedEntry> authors, List<FeedEntry> tags) {}

    private final SiteConfig site;
    private final SiteLinks links;
    private final PageShell shell;
    private final ArticleCards cards;
    private final ArticleMeta meta;
    private final ArabicDates dates;
    private final PagingLinks pagingLinks;

    /** The pages, with no sections in their header. */
    public HtmlPages(SiteConfig site, SiteLinks links) {
        this(site, links, List.of());
    }

    private HtmlPages(SiteConfig site, SiteLinks links, List<FeedEntry> sections) {
        this.site = site;
        this.links = links;
        this.shell = new PageShell(site, links, sections);
        this.dates = new ArabicDates(site.dates());
        this.cards = new ArticleCards(links, dates);
        this.meta = new ArticleMeta(site, links);
        this.pagingLinks = new PagingLinks(dates);
    }

    /**
     * The same pages with a header leading to {@code sections}: the site's main categories, each
     * with a page.
     */
    public HtmlPages withSections(List<FeedEntry> sections) {
        return new HtmlPages(site, links, sections);
    }

    private FeedEntry siteFeed() {
        return new FeedEntry(FeedKey.site(), site.title());
    }

    /** The home page: the newest articles, a page at a time. */
    public String home(List<Article> articles, Paging paging) {
        List<FeedEntry> feeds = List.of(siteFeed());
        Document page = shell.page(pageTitle(site.title(), paging), site.description(), feeds, true, null);
        Element main = PageShell.main(page);
        shell.subscribe(main, feeds);
        cards.list(main, articles);
        pagingLinks.add(page, paging);
        return page.outerHtml();
    }

    /** The page of a category, author or tag: its newest articles, a page at a time. */
    public String listing(FeedEntry feed, String description, List<Article> articles, Paging paging) {
        List<FeedEntry> feeds = List.of(feed, siteFeed());
        Document page = shell.page(pageTitle(feed.title() + " – " + site.title(), paging), description, feeds, false, null);
        Element main = PageShell.main(page);
        main.appendElement("h1").text(feed.title());
        main.appendElement("p").addClass("tagline").text(description);
        shell.subscribe(main, feeds);
        if (articles.isEmpty()) {
            main.appendElement("p").text("لا مقالات هنا بعد.");
        }
        cards.list(main, articles);
        pagingLinks.add(page, paging);
        return page.outerHtml();
    }

    /** One page of search results, the query and the number of matches in its heading. */
    public String search(String query, int total, List<Article> articles, Paging paging) {
        List<FeedEntry> feeds = List.of(new FeedEntry(new FeedKey(FeedKind.SEARCH, query), "نتائج البحث عن «" + query + "»"));
        String heading = "نتائج البحث عن «" + query + "»: " + count(total);
        Document page = shell.page(pageTitle(heading + " – " + site.title(), paging), heading, feeds, false, query);
        Element main = PageShell.main(page);
        main.appendElement("h1").text(heading);
        if (total == 0) {
            main.appendElement("p").text("لم نجد مقالات تطابق «" + query + "». جرّب كلمات أخرى أو كلمة واحدة أعم.");
            return page.outerHtml();
        }
        shell.subscribe(main, feeds);
        cards.list(main, articles);
        pagingLinks.add(page, paging);
        return page.outerHtml();
    }

    /** The page of an article, with what link previews and search engines read in its head. */
    public String article(Article article, List<RelatedLink> related) {
        List<FeedEntry> feeds = new ArrayList<>();
        feeds.add(siteFeed());
        article.categories().forEach(c -> feeds.add(new FeedEntry(FeedKey.category(c.slug()), c.name())));
        article.authors().forEach(a -> feeds.add(new FeedEntry(FeedKey.author(a.slug()), a.name())));
        Document page = shell.page(article.title() + " – " + site.title(), ArticleMeta.description(article), feeds, false, null);
        page.head().appendElement("link").attr("rel", "canonical").attr("href", links.article(article));
        meta.add(page.head(), article);
        Element body = PageShell.main(page).appendElement("article").attr("lang", article.language())
                .attr("dir", Languages.direction(article.language()));
        body.appendElement("h1").text(article.title());
        cards.meta(body, article);
        article.image().ifPresent(src -> body.appendElement("figure").appendElement("img").attr("src", src).attr("alt", article.title()));
        body.appendElement("div").addClass("content").html(article.content());
        if (!article.categories().isEmpty()) {
            Element list = body.appendElement("p").addClass("categories").appendText("التصنيفات: ");
            article.categories().forEach(c -> list.appendElement("a").attr("rel", "tag")
                    .attr("href", links.page(FeedKey.category(c.slug()))).text(c.name()).after(" "));
        }
        for (Author author : article.authors()) {
            author.bio().ifPresent(bio -> body.appendElement("div").addClass("author-bio")
                    .appendElement("p").text(author.name() + ": " + bio));
        }
        if (!related.isEmpty()) {
            body.appendElement("h2").text(ItemHtml.RELATED_HEADING);
            Element list = body.appendElement("ul").addClass("related");
            related.forEach(r -> list.appendElement("li").appendElement("a").attr("href", r.url()).text(r.title()));
        }
        shell.subscribe(body, feeds);
        return page.outerHtml();
    }

    /** Every feed of the site in every format, and the OPML list of them. */
    public String feeds(AllFeeds all) {
        Document page = shell.page("كل الخلاصات – " + site.title(), "خلاصات " + site.title() + ": الموقع والتصنيفات والكتّاب والوسوم",
                List.of(siteFeed()), false, null);
        Element main = PageShell.main(page).addClass("feeds");
        main.appendElement("h1").text("كل الخلاصات");
        Element intro = main.appendElement("p").text("اشترك في ما يهمّك بقارئ الخلاصات الذي تستعمله، أو استورد ");
        intro.appendElement("a").attr("href", links.opml()).attr("type", OpmlDocument.MEDIA_TYPE).text("قائمة OPML بكل الخلاصات");
        intro.appendText(".");
        feedSection(main, "الموقع", List.of(siteFeed()));
        feedSection(main, "التصنيفات", all.categories());
        feedSection(main, "الكتّاب", all.authors());
        feedSection(main, "الوسوم", all.tags());
        return page.outerHtml();
    }

    /** The page a browser is shown for an error: what happened, in Arabic, with the search box and the way home. */
    public String error(int status, String detail) {
        String heading = switch (status) {
            case 404 -> "لم نجد هذه الصفحة";
            case 410 -> "حُذفت هذه الصفحة";
            case 400, 422 -> "تعذّر فهم هذا الطلب";
            case 405 -> "لا يُقبل هذا النوع من الطلبات هنا";
            case 429 -> "طلبات كثيرة جدًا، حاول بعد قليل";
            case 503 -> "الخدمة غير متاحة الآن، حاول بعد قليل";
            default -> "حدث خطأ";
        };
        Document page = shell.page(heading + " – " + site.title(), heading, List.of(), false, null);
        Element main = PageShell.main(page);
        main.appendElement("h1").text(heading);
        main.appendElement("p").text("جرّب البحث في الأخبار أعلاه، أو عُد إلى ")
                .appendElement("a").attr("href", links.home()).text("الصفحة الرئيسية").after(".");
        main.appendElement("p").addClass("meta").text("رمز الخطأ " + dates.digits(status) + ": ")
                .appendElement("span").attr("lang", "en").attr("dir", "ltr").text(detail);
        return page.outerHtml();
    }

    private void feedSection(Element main, String heading, List<FeedEntry> feeds) {
        if (feeds.isEmpty()) {
            return;
        }
        main.appendElement("h2").text(heading);
        Element list = main.appendElement("ul");
        for (FeedEntry feed : feeds) {
            Element item = list.appendElement("li").addClass("formats");
            item.appendElement("a").attr("href", links.page(feed.key())).text(feed.title());
            item.appendText(": ");
            for (FeedFormat format : FeedFormat.advertised()) {
                item.appendElement("a").attr("href", links.feed(feed.key(), format)).attr("type", format.mediaType())
                        .text(format.label());
            }
        }
    }

    private String pageTitle(String title, Paging paging) {
        return paging.page() == 1 ? title : title + " – الصفحة " + dates.digits(paging.page());
    }

    /** A count of results as Arabic says it: one result, two results, 3–10 results, 11 and more. */
    private String count(int total) {
        if (total == 0) {
            return "لا نتائج";
        }
        if (total == 1) {
            return "نتيجة واحدة";
        }
        if (total == 2) {
            return "نتيجتان";
        }
        int lastTwo = total % 100;
        return dates.digits(total) + (lastTwo >= 3 && lastTwo <= 10 ? " نتائج" : " نتيجة");
    }
}
