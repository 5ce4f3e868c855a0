package org.minbar.publish;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.minbar.model.Article;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;

/** What the RSS and Atom writers share: namespaces, the lead image, and turning Rome's tree into UTF-8 bytes. */
final class FeedXml {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace DCTERMS = Namespace.getNamespace("dcterms", "http://purl.org/dc/terms/");
    /** The RSS 1.0 syndication module, which WordPress also writes in RSS 2.0. */
    static final Namespace SYNDICATION = Namespace.getNamespace("sy", "http://purl.org/rss/1.0/modules/syndication/");
    /** RFC 5005 feed history. */
    static final Namespace HISTORY = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

    private FeedXml() {}

    static Document toDocument(WireFeed feed) {
        try {
            return new WireFeedOutput().outputJDom(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not build the feed: " + e.getMessage(), e);
        }
    }

    static byte[] toBytes(Document document) {
        Format format = Format.getPrettyFormat()
                .setEncoding(StandardCharsets.UTF_8.name())
                .setTextMode(Format.TextMode.TRIM_FULL_WHITE)
                .setLineSeparator("\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            new XMLOutputter(format).output(document, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** A media:content element for the lead image, when there is one. */
    static Optional<MediaEntryModuleImpl> leadImage(Optional<String> image) {
        return image.map(url -> {
            MediaContent content = new MediaContent(new UrlReference(URI.create(url)));
            content.setMedium("image");
            MediaEntryModuleImpl media = new MediaEntryModuleImpl();
            media.setMediaContents(new MediaContent[] {content});
            return media;
        });
    }

    /**
     * An RSS enclosure for the lead image, for readers that ignore Media RSS, when its address tells its
     * type. Its size is not stored, and RSS writes an unknown length as 0. The address is already absolute
     * http(s) and ASCII: every reader of articles passes it through WebAddresses.toUri.
     */
    static Optional<Enclosure> leadImageEnclosure(Optional<String> image) {
        return image.flatMap(url -> ImageTypes.of(url).map(type -> {
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(url);
            enclosure.setType(type);
            enclosure.setLength(0);
            return enclosure;
        }));
    }

    /**
     * The document's own links, rel to address, in order: self, then RFC 5005 paging links
     * (first/previous/next/last over ?paged=N) or, for an archive, current/prev-archive/next-archive
     * (the next archive named before it exists).
     * The current document's first page points at the newest archive with prev-archive.
     */
    static Map<String, String> documentLinks(FeedChannel channel, SiteLinks links, FeedFormat format) {
        FeedKey key = channel.key();
        Map<String, String> rels = new LinkedHashMap<>();
        if (channel.isArchive()) {
            int archive = channel.archive();
            rels.put("self", links.self(channel, format));
            rels.put("current", links.feed(key, format));
            if (archive > 1) {
                rels.put("prev-archive", links.archive(key, format, archive - 1));
            }
            // Named from the day the archive is made, so that its bytes do not change when the next one comes;
            // until then that address leads to the current document (and RFC 5005 asks every archive for a
            // prev-archive or a next-archive link: the first archive has no other).
            rels.put("next-archive", links.archive(key, format, archive + 1));
            return rels;
        }
        rels.put("self", links.self(channel, format));
        if (channel.pages() > 1) {
            rels.put("first", links.feed(key, format, 1));
            if (channel.page() > 1) {
                rels.put("previous", links.feed(key, format, channel.page() - 1));
            }
            if (channel.page() < channel.pages()) {
                rels.put("next", links.feed(key, format, channel.page() + 1));
            }
            rels.put("last", links.feed(key, format, channel.pages()));
        }
        if (channel.page() == 1 && channel.archives() > 0) {
            rels.put("prev-archive", links.archive(key, format, channel.archives()));
        }
        return rels;
    }

    /**
     * An article's RSS categories: its categories, then its tags, as WordPress writes them, each with
     * its taxonomy as domain ({base}/category/, {base}/tag/) so that readers tell the two apart.
     */
    static List<com.rometools.rome.feed.rss.Category> rssCategories(Article article, SiteLinks links) {
        List<com.rometools.rome.feed.rss.Category> categories = new ArrayList<>();
        article.categories().forEach(category -> categories.add(rssCategory(links.taxonomy(FeedKind.CATEGORY), category.name())));
        article.tags().forEach(tag -> categories.add(rssCategory(links.taxonomy(FeedKind.TAG), tag.name())));
        return categories;
    }

    private static com.rometools.rome.feed.rss.Category rssCategory(String domain, String name) {
        com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
        category.setDomain(domain);
        category.setValue(name);
        return category;
    }

    /** RFC 5005's fh:archive, which marks a document as an archive that will not change. */
    static Element archiveMarker() {
        return new Element("archive", HISTORY);
    }

    static Element atomLink(String rel, String href, String type, String title) {
        Element link = new Element("link", ATOM).setAttribute("rel", rel).setAttribute("href", href);
        if (type != null) {
            link.setAttribute("type", type);
        }
        if (title != null) {
            link.setAttribute("title", title);
        }
        return link;
    }
}
