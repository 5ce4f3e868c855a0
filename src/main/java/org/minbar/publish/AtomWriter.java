package org.minbar.publish;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndPerson;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.time.temporal.ChronoUnit;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.model.RelatedLink;
import org.minbar.model.Tombstone;

/**
 * Atom 1.0 (RFC 4287) with Rome. Rome has no way to set xml:lang on the feed element, so it is
 * added to the generated tree, as are at:deleted-entry tombstones (RFC 6721) for recently deleted
 * entries; the feed links to itself and its WebSub hubs; entries carry html content, rel="related"
 * links with titles and a media:content lead image.
 */
final class AtomWriter {

    /** RFC 6721: entries deleted since a reader last looked are announced so it can drop its copy. */
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");

    private final SiteLinks links;
    private final String siteTitle;
    private final String generatorName;
    private final String generatorVersion;

    AtomWriter(SiteLinks links, String siteTitle, String generatorName, String generatorVersion) {
        this.links = links;
        this.siteTitle = siteTitle;
        this.generatorName = generatorName;
        this.generatorVersion = generatorVersion;
    }

    byte[] write(FeedChannel channel, List<FeedItem> items, int maxTextChars) {
        FeedKey key = channel.key();
        Feed feed = new Feed("atom_1.0");
        String self = links.feed(key, FeedFormat.ATOM);
        feed.setId(self);
        feed.setTitleEx(text(channel.title()));
        feed.setSubtitle(text(channel.description()));
        feed.setUpdated(Date.from(channel.updated()));
        feed.setAlternateLinks(List.of(link("alternate", links.page(key), "text/html", null)));
        List<Link> other = new ArrayList<>();
        FeedXml.documentLinks(channel, links, FeedFormat.ATOM).forEach((rel, href) ->
                other.add(link(rel, href, FeedFormat.ATOM.mediaType(), null)));
        links.hubsOf(channel).forEach(hub -> other.add(link("hub", hub, null, null)));
        feed.setOtherLinks(other);
        Person site = new Person();
        site.setName(siteTitle);
        site.setUri(links.home());
        feed.setAuthors(List.of(site));
        Generator generator = new Generator();
        generator.setValue(generatorName);
        generator.setVersion(generatorVersion);
        feed.setGenerator(generator);
        List<Entry> entries = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            entries.add(entry(item, maxTextChars));
        }
        feed.setEntries(entries);

        Document document = FeedXml.toDocument(feed);
        Element root = document.getRootElement();
        root.setAttribute("lang", channel.language(), Namespace.XML_NAMESPACE);
        List<Element> entryElements = root.getChildren("entry", root.getNamespace());
        for (int i = 0; i < items.size(); i++) {
            exactDates(entryElements.get(i), items.get(i).article());
        }
        // RFC 4287's grammar keeps a feed's extension elements with its metadata, before the entries.
        Element firstEntry = root.getChild("entry", root.getNamespace());
        int at = firstEntry == null ? root.getContentSize() : root.indexOf(firstEntry);
        if (channel.isArchive()) {
            root.addNamespaceDeclaration(FeedXml.HISTORY);
            root.addContent(at++, FeedXml.archiveMarker());
        }
        if (!channel.tombstones().isEmpty()) {
            root.addNamespaceDeclaration(TOMBSTONES);
            for (Tombstone tombstone : channel.tombstones()) {
                root.addContent(at++, new Element("deleted-entry", TOMBSTONES)
                        .setAttribute("ref", tombstone.feedId())
                        .setAttribute("when", tombstone.deleted().truncatedTo(ChronoUnit.SECONDS).toString()));
            }
        }
        return FeedXml.toBytes(document);
    }

    Entry entry(FeedItem item, int maxTextChars) {
        Article article = item.article();
        Entry entry = new Entry();
        entry.setId(article.feedId());
        entry.setTitleEx(text(article.title()));
        entry.setAlternateLinks(List.of(link("alternate", item.link(), "text/html", null)));
        List<Link> related = new ArrayList<>();
        for (RelatedLink story : item.related()) {
            related.add(link("related", story.url(), "text/html", story.title()));
        }
        entry.setOtherLinks(related);
        List<SyndPerson> authors = new ArrayList<>();
        for (Author author : article.authors()) {
            Person person = new Person();
            person.setName(author.name());
            person.setUri(author.url().orElse(links.page(FeedKey.author(author.slug()))));
            authors.add(person);
        }
        entry.setAuthors(authors);
        // Categories, then tags, each with its taxonomy as scheme so that readers tell them apart.
        List<Category> categories = new ArrayList<>();
        for (org.minbar.model.Category category : article.categories()) {
            categories.add(category(links.taxonomy(FeedKind.CATEGORY), category.name()));
        }
        for (org.minbar.model.Tag tag : article.tags()) {
            categories.add(category(links.taxonomy(FeedKind.TAG), tag.name()));
        }
        entry.setCategories(categories);
        entry.setPublished(Date.from(article.published()));
        entry.setUpdated(Date.from(article.updated()));
        entry.setSummary(text(article.summary()));
        Content content = new Content();
        content.setType("html");
        content.setValue(ItemHtml.of(item, maxTextChars));
        entry.setContents(List.of(content));
        List<Module> modules = new ArrayList<>();
        FeedXml.leadImage(article.image()).ifPresent(modules::add);
        entry.setModules(modules);
        return entry;
    }

    /**
     * Rome writes entry dates to the second; two entries of a feed written in the same second then
     * carry the same atom:updated, which the W3C validator warns about (DuplicateUpdated) and which
     * tells readers nothing of their order. RFC 3339 allows fractions: an article's dates are written
     * as stored, to the millisecond when they have one.
     */
    static void exactDates(Element entry, Article article) {
        Namespace atom = entry.getNamespace();
        Element updated = entry.getChild("updated", atom);
        if (updated != null) {
            updated.setText(article.updated().toString());
        }
        Element published = entry.getChild("published", atom);
        if (published != null) {
            published.setText(article.published().toString());
        }
    }

    static Content text(String value) {
        Content content = new Content();
        content.setType("text");
        content.setValue(value);
        return content;
    }

    static Link link(String rel, String href, String type, String title) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        if (title != null) {
            link.setTitle(title);
        }
        return link;
    }

    private static Category category(String scheme, String name) {
        Category category = new Category();
        category.setTerm(name);
        category.setLabel(name);
        category.setScheme(scheme);
        return category;
    }
}
