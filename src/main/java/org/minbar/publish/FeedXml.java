package org.minbar.publish;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** What the RSS and Atom writers share: namespaces, Media RSS, and turning Rome's tree into UTF-8 bytes. */
final class FeedXml {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace DCTERMS = Namespace.getNamespace("dcterms", "http://purl.org/dc/terms/");

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

    /** RFC 5005 paging: the rel and page number of each neighbouring page that exists. */
    static java.util.Map<String, Integer> pagingLinks(FeedChannel channel) {
        java.util.Map<String, Integer> links = new java.util.LinkedHashMap<>();
        if (channel.pages() > 1) {
            links.put("first", 1);
            if (channel.page() > 1) {
                links.put("previous", channel.page() - 1);
            }
            if (channel.page() < channel.pages()) {
                links.put("next", channel.page() + 1);
            }
            links.put("last", channel.pages());
        }
        return links;
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
