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
 * outline names the RSS feed; readers that prefer Atom find it advertised on the feed's page. The
 * head has no docs: OPML 2.0 allows it, but the W3C Feed Validation Service knows OPML 1.0's head
 * and rejects it as an error, and it only named the specification.
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
                .addContent(new Element("ownerName").setText(site.title()));
        Element body = new Element("body")
                .addContent(group("الموقع", List.of(new FeedEntry(org.minbar.model.FeedKey.site(), site.title()))))
                .addContent(group("التصنيفات", categories))
                .addContent(group("الكتّاب", authors));
        Element opml = new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body);
        return FeedXml.toBytes(new Document(opml));
    }

    /**
     * A group is an outline with text alone: the validator takes an outline that has a title (or an
     * address) but no type for a subscription missing its type, and warns.
     */
    private Element group(String title, List<FeedEntry> feeds) {
        Element group = new Element("outline").setAttribute("text", title);
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
