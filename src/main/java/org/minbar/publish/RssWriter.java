package org.minbar.publish;

import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.RelatedLink;

/**
 * RSS 2.0 with Rome: dc:creator for authors (RSS's own author element must be an e-mail),
 * content:encoded for the full right-to-left content, media:content and an enclosure for the lead
 * image, and from the Atom namespace the channel's self and WebSub hub links and each item's
 * related links. The channel's ttl and syndication hints repeat the document's Cache-Control
 * max-age. Rome writes pubDate and lastBuildDate in RFC 822 with English names and GMT.
 */
final class RssWriter {

    private final SiteLinks links;
    private final String generator;
    private final CacheLifetimes lifetimes;

    RssWriter(SiteLinks links, String generator, CacheLifetimes lifetimes) {
        this.links = links;
        this.generator = generator;
        this.lifetimes = lifetimes;
    }

    byte[] write(FeedChannel channel, List<FeedItem> items, int maxTextChars) {
        FeedKey key = channel.key();
        PollingHints hints = new PollingHints(lifetimes.of(channel));
        Channel rss = new Channel("rss_2.0");
        rss.setTitle(channel.title());
        rss.setLink(links.page(key));
        rss.setDescription(channel.description());
        rss.setLanguage(channel.language());
        rss.setLastBuildDate(Date.from(channel.updated()));
        rss.setGenerator(generator);
        rss.setTtl(hints.ttlMinutes());
        List<Item> rssItems = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            rssItems.add(item(item, maxTextChars));
        }
        rss.setItems(rssItems);

        Document document = FeedXml.toDocument(rss);
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(FeedXml.ATOM);
        root.addNamespaceDeclaration(FeedXml.DCTERMS);
        root.addNamespaceDeclaration(FeedXml.SYNDICATION);
        Element channelElement = root.getChild("channel");
        // Beside the ttl, as WordPress places them. Rome writes no syndication module in RSS 2.0, so both RSS writers add it.
        channelElement.addContent(channelElement.indexOf(channelElement.getChild("ttl")) + 1, hints.syndication());
        int at = channelElement.indexOf(channelElement.getChild("description")) + 1;
        for (var link : FeedXml.documentLinks(channel, links, FeedFormat.RSS).entrySet()) {
            channelElement.addContent(at++, FeedXml.atomLink(link.getKey(), link.getValue(), FeedFormat.RSS.mediaType(), null));
        }
        for (String hub : links.hubsOf(channel)) {
            channelElement.addContent(at++, FeedXml.atomLink("hub", hub, null, null));
        }
        if (channel.isArchive()) {
            root.addNamespaceDeclaration(FeedXml.HISTORY);
            channelElement.addContent(at, FeedXml.archiveMarker());
        }
        List<Element> itemElements = channelElement.getChildren("item");
        for (int i = 0; i < items.size(); i++) {
            Element element = itemElements.get(i);
            FeedItem item = items.get(i);
            element.addContent(new Element("modified", FeedXml.DCTERMS).setText(item.article().updated().toString()));
            for (RelatedLink related : item.related()) {
                element.addContent(FeedXml.atomLink("related", related.url(), "text/html", related.title()));
            }
        }
        return FeedXml.toBytes(document);
    }

    private Item item(FeedItem feedItem, int maxTextChars) {
        Article article = feedItem.article();
        Item item = new Item();
        item.setTitle(article.title());
        item.setLink(feedItem.link());
        Guid guid = new Guid();
        guid.setValue(article.feedId());
        guid.setPermaLink(false);
        item.setGuid(guid);
        Description description = new Description();
        description.setType("text/plain");
        description.setValue(article.summary());
        item.setDescription(description);
        item.setPubDate(Date.from(article.published()));
        item.setCategories(FeedXml.rssCategories(article, links));
        item.setEnclosures(FeedXml.leadImageEnclosure(article.image()).stream().toList());

        List<Module> modules = new ArrayList<>();
        if (!article.authors().isEmpty()) {
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreators(article.authors().stream().map(Author::name).toList());
            modules.add(dc);
        }
        ContentModuleImpl content = new ContentModuleImpl();
        content.setEncodeds(List.of(ItemHtml.of(feedItem, maxTextChars)));
        modules.add(content);
        FeedXml.leadImage(article.image()).ifPresent(modules::add);
        item.setModules(modules);
        return item;
    }
}
