package org.minbar.publish;

import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.minbar.config.SiteConfig;
import org.minbar.model.FeedFormat;
import org.minbar.publish.HtmlPages.FeedEntry;

/**
 * OPML 2.0 listing every feed the server publishes, grouped (the site, its categories, its
 * authors), with Arabic titles, so a reader can subscribe to all of them in one import. Each
 * outline names the RSS feed; readers that prefer Atom find it advertised on the feed's page.
 */
public final class OpmlDocument {

    public static final String MEDIA_TYPE = "text/x-opml";

    private final SiteConfig site;
    private final SiteLinks links;

    public OpmlDocument(SiteConfig site, SiteLinks links) {
        this.site = site;
        this.links = links;
    }

    public byte[] render(List<FeedEntry> categories, List<FeedEntry> authors) {
        Element head = new Element("head")
                .addContent(new Element("title").setText("خلاصات " + site.title()))
                .addContent(new Element("ownerName").setText(site.title()))
                .addContent(new Element("docs").setText("http://opml.org/spec2.opml"));
        Element body = new Element("body")
                .addContent(group("الموقع", List.of(new FeedEntry(org.minbar.model.FeedKey.site(), site.title()))))
                .addContent(group("التصنيفات", categories))
                .addContent(group("الكتّاب", authors));
        Element opml = new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body);
        return FeedXml.toBytes(new Document(opml));
    }

    private Element group(String title, List<FeedEntry> feeds) {
        Element group = new Element("outline").setAttribute("text", title).setAttribute("title", title);
        for (FeedEntry feed : feeds) {
            group.addContent(new Element("outline")
                    .setAttribute("type", "rss")
                    .setAttribute("text", feed.title())
                    .setAttribute("title", feed.title())
                    .setAttribute("xmlUrl", links.feed(feed.key(), FeedFormat.RSS))
                    .setAttribute("htmlUrl", links.page(feed.key()))
                    .setAttribute("language", site.language()));
        }
        return group;
    }
}
