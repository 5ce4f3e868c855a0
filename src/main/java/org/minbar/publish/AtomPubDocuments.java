package org.minbar.publish;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.minbar.config.SiteConfig;
import org.minbar.model.FeedKind;

/**
 * The AtomPub (RFC 5023) documents: the service document naming the one collection of articles,
 * the categories documents (one of categories, one of tags), pages of the collection (newest edit first, with paging links), and
 * member entries carrying their edit link and app:edited.
 */
public final class AtomPubDocuments {

    public static final String SERVICE_TYPE = "application/atomsvc+xml";
    public static final String CATEGORIES_TYPE = "application/atomcat+xml";
    public static final String ENTRY_TYPE = "application/atom+xml;type=entry";
    public static final String FEED_TYPE = "application/atom+xml;type=feed";
    static final Namespace APP = Namespace.getNamespace("app", "http://www.w3.org/2007/app");
    private static final Namespace ATOM_DEFAULT = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    /** A page of the collection: its members with their edit times, its number, and how many pages there are. */
    public record Page(List<FeedItem> items, List<Instant> edited, int number, int count) {}

    private final SiteConfig site;
    private final SiteLinks links;
    private final AtomWriter atom;

    public AtomPubDocuments(SiteConfig site, SiteLinks links, String generatorName, String generatorVersion) {
        this.site = site;
        this.links = links;
        this.atom = new AtomWriter(links, site.title(), generatorName, generatorVersion);
    }

    public byte[] service() {
        Element service = new Element("service", APP);
        service.addNamespaceDeclaration(ATOM);
        service.setAttribute("lang", site.language(), Namespace.XML_NAMESPACE);
        Element workspace = new Element("workspace", APP).addContent(new Element("title", ATOM).setText(site.title()));
        Element collection = new Element("collection", APP).setAttribute("href", links.atomPubCollection(1))
                .addContent(new Element("title", ATOM).setText("المقالات"))
                .addContent(new Element("accept", APP).setText(ENTRY_TYPE))
                .addContent(new Element("categories", APP).setAttribute("href", links.atomPubCategories()))
                .addContent(new Element("categories", APP).setAttribute("href", links.atomPubTags()));
        service.addContent(workspace.addContent(collection));
        return FeedXml.toBytes(new Document(service));
    }

    /**
     * Every category or every tag the site knows, under their taxonomy's scheme, which every term inherits.
     * One document per taxonomy (RFC 5023 §7.2.1 allows a scheme per term instead) so that a client
     * that files whatever it picks under the document's scheme still sends a tag as a tag. Open
     * (fixed="no"): a client may use these or new terms.
     */
    public byte[] categories(FeedKind taxonomy, List<String> names) {
        Element document = new Element("categories", APP).setAttribute("fixed", "no")
                .setAttribute("scheme", links.taxonomy(taxonomy));
        document.addNamespaceDeclaration(ATOM);
        for (String name : names) {
            document.addContent(new Element("category", ATOM).setAttribute("term", name).setAttribute("label", name));
        }
        return FeedXml.toBytes(new Document(document));
    }

    public byte[] member(FeedItem item, Instant edited) {
        Element entry = entryElement(item, edited);
        entry.setAttribute("lang", item.article().language(), Namespace.XML_NAMESPACE);
        return FeedXml.toBytes(new Document(entry));
    }

    public byte[] collection(Page page) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(links.atomPubCollection(1));
        feed.setTitleEx(AtomWriter.text(site.title() + " – المقالات"));
        Instant updated = page.edited().stream().max(Instant::compareTo).orElse(Instant.EPOCH);
        feed.setUpdated(Date.from(updated));
        List<Link> paging = new ArrayList<>();
        paging.add(AtomWriter.link("self", links.atomPubCollection(page.number()), FEED_TYPE, null));
        paging.add(AtomWriter.link("first", links.atomPubCollection(1), FEED_TYPE, null));
        if (page.number() > 1) {
            paging.add(AtomWriter.link("previous", links.atomPubCollection(page.number() - 1), FEED_TYPE, null));
        }
        if (page.number() < page.count()) {
            paging.add(AtomWriter.link("next", links.atomPubCollection(page.number() + 1), FEED_TYPE, null));
        }
        paging.add(AtomWriter.link("last", links.atomPubCollection(page.count()), FEED_TYPE, null));
        feed.setOtherLinks(paging);
        com.rometools.rome.feed.atom.Person author = new com.rometools.rome.feed.atom.Person();
        author.setName(site.title());
        feed.setAuthors(List.of(author));
        Document document = FeedXml.toDocument(feed);
        Element root = document.getRootElement();
        root.setAttribute("lang", site.language(), Namespace.XML_NAMESPACE);
        root.addNamespaceDeclaration(APP);
        for (int i = 0; i < page.items().size(); i++) {
            root.addContent(entryElement(page.items().get(i), page.edited().get(i)));
        }
        return FeedXml.toBytes(document);
    }

    /** The entry as feeds show it, plus rel="edit" and app:edited. */
    private Element entryElement(FeedItem item, Instant edited) {
        Entry entry = atom.entry(item, site.maxItemContentChars());
        List<Link> other = new ArrayList<>(entry.getOtherLinks());
        other.add(0, AtomWriter.link("edit", links.atomPubMember(item.article().id()), null, null));
        entry.setOtherLinks(other);
        Feed holder = new Feed("atom_1.0");
        holder.setId(links.atomPubCollection(1));
        holder.setTitleEx(AtomWriter.text(site.title()));
        holder.setUpdated(Date.from(edited));
        holder.setEntries(List.of(entry));
        Element element = FeedXml.toDocument(holder).getRootElement().getChild("entry", ATOM_DEFAULT).detach();
        AtomWriter.exactDates(element, item.article());
        element.addContent(new Element("edited", APP).setText(edited.truncatedTo(ChronoUnit.SECONDS).toString()));
        return element;
    }
}
