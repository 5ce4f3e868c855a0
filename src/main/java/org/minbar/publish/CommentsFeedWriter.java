package org.minbar.publish;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Channel;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.minbar.model.FeedFormat;

/**
 * The comments feeds a WordPress site offered, which subscribers may still hold: the site's
 * /comments/feed/ and each post's /{yyyy}/{mm}/{dd}/{slug}/feed/, in RSS 2.0 or Atom. This server
 * takes no comments, so each is a valid document with no items whose description says so, rather
 * than an error a feed reader would keep retrying.
 */
public final class CommentsFeedWriter {

    /** What the channel says: this site does not take comments, so none will come. */
    static final String NO_COMMENTS = "لا يستقبل هذا الموقع تعليقات، فلن تحمل هذه الخلاصة أي تعليق.";

    private final SiteLinks links;
    private final String generator;

    public CommentsFeedWriter(SiteLinks links, String generator) {
        this.links = links;
        this.generator = generator;
    }

    /**
     * The comments feed of the article at {@code articlePath} (yyyy/MM/dd/slug) titled {@code articleTitle},
     * or of the whole site when there is none, in RSS 2.0 or Atom.
     */
    public byte[] write(FeedFormat format, Optional<String> articlePath, Optional<String> articleTitle, Instant updated) {
        String siteTitle = links.site().title();
        String title = articleTitle.map(t -> "التعليقات على: " + t).orElse("التعليقات على " + siteTitle);
        String page = articlePath.map(links::articlePage).orElse(links.home());
        String self = links.comments(articlePath, format);
        return switch (format) {
            case RSS -> rss(title, page, self, updated);
            case ATOM -> atom(title, page, self, updated);
            default -> throw new IllegalArgumentException("comments feeds are RSS 2.0 or Atom, not " + format.label());
        };
    }

    private byte[] rss(String title, String page, String self, Instant updated) {
        Channel rss = new Channel("rss_2.0");
        rss.setTitle(title);
        rss.setLink(page);
        rss.setDescription(NO_COMMENTS);
        rss.setLanguage(links.site().language());
        rss.setLastBuildDate(Date.from(updated));
        rss.setGenerator(generator);
        Document document = FeedXml.toDocument(rss);
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(FeedXml.ATOM);
        Element channel = root.getChild("channel");
        channel.addContent(channel.indexOf(channel.getChild("description")) + 1,
                FeedXml.atomLink("self", self, FeedFormat.RSS.mediaType(), null));
        return FeedXml.toBytes(document);
    }

    private byte[] atom(String title, String page, String self, Instant updated) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(self);
        feed.setTitleEx(AtomWriter.text(title));
        feed.setSubtitle(AtomWriter.text(NO_COMMENTS));
        feed.setUpdated(Date.from(updated));
        feed.setAlternateLinks(List.of(AtomWriter.link("alternate", page, "text/html", null)));
        feed.setOtherLinks(List.of(AtomWriter.link("self", self, FeedFormat.ATOM.mediaType(), null)));
        Person site = new Person();
        site.setName(links.site().title());
        site.setUri(links.home());
        feed.setAuthors(List.of(site));
        Document document = FeedXml.toDocument(feed);
        document.getRootElement().setAttribute("lang", links.site().language(), Namespace.XML_NAMESPACE);
        return FeedXml.toBytes(document);
    }
}
