package org.minbar.publish;

import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.minbar.config.SiteConfig;
import org.minbar.model.FeedFormat;
import org.minbar.publish.HtmlPages.FeedEntry;

/**
 * The frame every reader page shares: the head with its own feeds' link rel="alternate" and the
 * inline style, a skip link, a header with the site's name, the search box and its sections, the main landmark
 * the page fills, and a footer leading to every feed.
 */
final class PageShell {

    /** The page's main landmark, which the skip link jumps to. */
    static final String MAIN = "main";

    private static final String STYLE = "*,*::before,*::after{box-sizing:border-box}"
            + "body{margin:0;font-family:'Noto Naskh Arabic','Amiri',Tahoma,sans-serif;font-size:1.0625rem;line-height:1.8;"
            + "color:#1a1a1a;background:#fff;overflow-wrap:break-word}"
            + "header,main,footer{max-width:46rem;margin:auto;padding:0 1rem}"
            + "header{border-bottom:1px solid #ddd;padding-block:.5rem}"
            + ".site{font-size:1.3rem;font-weight:bold;line-height:1.5;margin:0}.site a{color:#1a1a1a;text-decoration:none}"
            + ".tagline{margin:0;color:#555}"
            + ".sections{display:flex;flex-wrap:wrap;gap:0 1rem;list-style:none;margin:.3rem 0 0;padding:0}"
            + ".sections a{text-decoration:none;font-weight:bold;display:inline-block;padding-block:.1rem}"
            + "form[role=search]{display:flex;flex-wrap:wrap;gap:.25rem .5rem;align-items:center;margin:.4rem 0 0}"
            + "form[role=search] input{flex:1 1 8rem;min-width:0;font:inherit;padding:.2rem .5rem;border:1px solid #767676;border-radius:4px}"
            + "button{font:inherit;padding:.2rem .9rem;border:1px solid #0b5394;background:#0b5394;color:#fff;border-radius:4px;cursor:pointer}"
            + "a{color:#0b5394}img{max-width:100%;height:auto}"
            + ":focus-visible{outline:3px solid #b45f06;outline-offset:2px}"
            + ".skip{position:absolute;top:.5rem;right:.5rem;padding:.5rem 1rem;background:#fff;z-index:1}"
            + ".skip:not(:focus){width:1px;height:1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}"
            + "h1{font-size:1.55rem;line-height:1.45;margin:.75rem 0 .5rem}h2{line-height:1.5}"
            + ".card{border-bottom:1px solid #e5e5e5;padding-block:.75rem}"
            + ".card h2{font-size:1.2rem;margin:0 0 .25rem}.card h2 a{text-decoration:none}"
            + ".card figure,article figure{margin:.5rem 0}.summary{margin:.25rem 0}"
            + ".meta{color:#555;font-size:.9375rem;margin:.25rem 0}.meta time,.hijri{white-space:nowrap;unicode-bidi:isolate}"
            + ".subscribe{margin:.5rem 0}.subscribe summary{cursor:pointer;color:#0b5394}"
            + ".subscribe ul,.feeds ul{padding-inline-start:1.25rem;margin:.25rem 0}.formats a{margin-inline-end:.75rem;white-space:nowrap}"
            + ".paging{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1rem;margin:1rem 0}"
            + "footer{border-top:1px solid #ddd;margin-top:2rem;padding-block:1rem;color:#555}";

    private final SiteConfig site;
    private final SiteLinks links;
    private final List<FeedEntry> sections;

    /** The frame of pages whose header leads to {@code sections}, the site's main categories. */
    PageShell(SiteConfig site, SiteLinks links, List<FeedEntry> sections) {
        this.site = site;
        this.links = links;
        this.sections = List.copyOf(sections);
    }

    /**
     * A page titled {@code title} that advertises {@code feeds}; the site's name is the page's h1 on the
     * home page only, and {@code query} fills the search box on a results page.
     */
    Document page(String title, String description, List<FeedEntry> feeds, boolean home, String query) {
        Document page = Document.createShell(links.home());
        page.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        page.insertChildren(0, new DocumentType("html", "", ""));
        page.selectFirst("html").attr("lang", site.language()).attr("dir", Languages.direction(site.language()));
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("meta").attr("name", "description").attr("content", description);
        head.appendElement("style").appendChild(new DataNode(STYLE));
        for (FeedEntry feed : feeds) {
            for (FeedFormat format : FeedFormat.advertised()) {
                head.appendElement("link").attr("rel", "alternate").attr("type", format.mediaType())
                        .attr("title", feed.title() + " (" + format.label() + ")").attr("href", links.feed(feed.key(), format));
            }
        }
        Element body = page.body();
        body.appendElement("a").addClass("skip").attr("href", "#" + MAIN).text("انتقل إلى المحتوى");
        Element header = body.appendElement("header");
        header.appendElement(home ? "h1" : "p").addClass("site").appendElement("a").attr("href", links.home()).text(site.title());
        if (home) {
            header.appendElement("p").addClass("tagline").text(site.description());
        }
        searchBox(header, query);
        sections(header);
        body.appendElement("main").id(MAIN);
        Element footer = body.appendElement("footer");
        Element nav = footer.appendElement("nav").attr("aria-label", "روابط الموقع").appendElement("p");
        nav.appendElement("a").attr("href", links.home()).text("الرئيسية");
        nav.appendText(" · ");
        nav.appendElement("a").attr("href", links.feedsPage()).text("كل الخلاصات");
        nav.appendText(" · ");
        nav.appendElement("a").attr("href", links.opml()).attr("type", OpmlDocument.MEDIA_TYPE).text("قائمة OPML");
        footer.appendElement("p").text(site.title());
        return page;
    }

    /** The site's sections: a reader's way into the news by subject. */
    private void sections(Element header) {
        if (sections.isEmpty()) {
            return;
        }
        Element list = header.appendElement("nav").attr("aria-label", "الأقسام").appendElement("ul").addClass("sections");
        sections.forEach(section -> list.appendElement("li").appendElement("a")
                .attr("href", links.page(section.key())).text(section.title()));
    }

    static Element main(Document page) {
        return page.getElementById(MAIN);
    }

    private void searchBox(Element parent, String query) {
        Element form = parent.appendElement("form").attr("role", "search").attr("action", links.home()).attr("method", "get");
        form.appendElement("label").attr("for", "s").text("ابحث في الأخبار");
        Element input = form.appendElement("input").id("s").attr("name", "s").attr("type", "search")
                .attr("maxlength", "200").attr("enterkeyhint", "search");
        if (query != null) {
            input.attr("value", query);
        }
        form.appendElement("button").attr("type", "submit").text("بحث");
    }

    /** The one subscribe control of a page: its feeds in each format, folded until opened, and the way to every feed. */
    void subscribe(Element parent, List<FeedEntry> feeds) {
        Element details = parent.appendElement("details").addClass("subscribe");
        details.appendElement("summary").text("اشترك في خلاصات هذه الصفحة");
        Element list = details.appendElement("ul");
        for (FeedEntry feed : feeds) {
            Element item = list.appendElement("li").addClass("formats");
            item.appendElement("span").text(feed.title() + ": ");
            for (FeedFormat format : FeedFormat.advertised()) {
                item.appendElement("a").attr("href", links.feed(feed.key(), format)).attr("type", format.mediaType())
                        .text(format.label());
            }
        }
        details.appendElement("p").appendElement("a").attr("href", links.feedsPage()).text("كل خلاصات الموقع");
    }
}
