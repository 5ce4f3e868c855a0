package org.minbar.publish;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Item;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.minbar.model.Article;

/**
 * RSS 0.92 with Rome, for subscribers who still hold a WordPress site's /feed/rss/: a channel and
 * items of title, link, summary, the categories and tags (told apart by their domain), as
 * WordPress wrote it, and the lead image as an enclosure. The format has no dates for items, no
 * guid and no namespaces.
 */
final class Rss092Writer {

    private final SiteLinks links;

    Rss092Writer(SiteLinks links) {
        this.links = links;
    }

    byte[] write(FeedChannel channel, List<FeedItem> items) {
        Channel rss = new Channel("rss_0.92");
        rss.setTitle(channel.title());
        rss.setLink(links.page(channel.key()));
        rss.setDescription(channel.description());
        rss.setLanguage(channel.language());
        rss.setLastBuildDate(Date.from(channel.updated()));
        rss.setDocs("http://backend.userland.com/rss092");
        List<Item> rssItems = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            rssItems.add(item(item));
        }
        rss.setItems(rssItems);
        return FeedXml.toBytes(FeedXml.toDocument(rss));
    }

    private Item item(FeedItem feedItem) {
        Article article = feedItem.article();
        Item item = new Item();
        item.setTitle(article.title());
        item.setLink(feedItem.link());
        Description description = new Description();
        description.setValue(article.summary());
        item.setDescription(description);
        item.setCategories(FeedXml.rssCategories(article, links));
        item.setEnclosures(FeedXml.leadImageEnclosure(article.image()).stream().toList());
        return item;
    }
}
