package org.minbar.publish;

import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.DCSubjectImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Item;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.FeedFormat;

/**
 * RSS 1.0 (RDF) with Rome, for subscribers who still hold a WordPress site's /feed/rdf/: the
 * channel is about the feed's own address, each item about its link, with Dublin Core for the
 * language, dates, authors and subjects (categories, then tags, as plain
 * text: RSS 1.0's taxonomy module is read by next to no one) and
 * content:encoded for the full right-to-left content, as WordPress wrote it. The channel's
 * syndication hints repeat the document's Cache-Control max-age.
 */
final class Rss10Writer {

    private static final Namespace RSS_10 = Namespace.getNamespace("http://purl.org/rss/1.0/");

    private final SiteLinks links;
    private final CacheLifetimes lifetimes;

    Rss10Writer(SiteLinks links, CacheLifetimes lifetimes) {
        this.links = links;
        this.lifetimes = lifetimes;
    }

    byte[] write(FeedChannel channel, List<FeedItem> items, int maxTextChars) {
        Channel rdf = new Channel("rss_1.0");
        rdf.setUri(links.self(channel, FeedFormat.RSS_10));
        rdf.setTitle(channel.title());
        rdf.setLink(links.page(channel.key()));
        rdf.setDescription(channel.description());
        DCModuleImpl about = new DCModuleImpl();
        about.setLanguage(channel.language());
        about.setDate(Date.from(channel.updated()));
        rdf.setModules(List.of(about));
        List<Item> rdfItems = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            rdfItems.add(item(item, maxTextChars));
        }
        rdf.setItems(rdfItems);
        Document document = FeedXml.toDocument(rdf);
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(FeedXml.SYNDICATION);
        root.getChild("channel", RSS_10).addContent(new PollingHints(lifetimes.of(channel)).syndication());
        return FeedXml.toBytes(document);
    }

    private Item item(FeedItem feedItem, int maxTextChars) {
        Article article = feedItem.article();
        Item item = new Item();
        item.setUri(feedItem.link());
        item.setTitle(article.title());
        item.setLink(feedItem.link());
        Description description = new Description();
        description.setValue(article.summary());
        item.setDescription(description);
        DCModuleImpl dc = new DCModuleImpl();
        dc.setDate(Date.from(article.published()));
        dc.setCreators(article.authors().stream().map(Author::name).toList());
        List<com.rometools.rome.feed.module.DCSubject> subjects = new ArrayList<>();
        article.categories().forEach(category -> subjects.add(subject(category.name())));
        article.tags().forEach(tag -> subjects.add(subject(tag.name())));
        dc.setSubjects(subjects);
        ContentModuleImpl content = new ContentModuleImpl();
        content.setEncodeds(List.of(ItemHtml.of(feedItem, maxTextChars)));
        List<Module> modules = new ArrayList<>();
        modules.add(dc);
        modules.add(content);
        item.setModules(modules);
        return item;
    }

    private static DCSubjectImpl subject(String name) {
        DCSubjectImpl subject = new DCSubjectImpl();
        subject.setValue(name);
        return subject;
    }
}
