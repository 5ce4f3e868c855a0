package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.impl.Atom10Generator;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.minbar.text.PathSegments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** AtomPub (RFC 5023) as a client uses it: service and categories documents, the collection, members, and bad entries. */
class AtomPubIT {

    private static final String APP = "http://www.w3.org/2007/app";
    private static final String ENTRY_TYPE = "application/atom+xml;type=entry";
    private static final String COLLECTION = "/atompub/articles";

    @TempDir
    Path storage;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(storage);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String romeEntry(String id, String title) throws Exception {
        Entry entry = new Entry();
        entry.setId(id);
        entry.setTitle(title);
        Content content = new Content();
        content.setType("html");
        content.setValue("<p>قالت مصادر عسكرية إن الاشتباكات تجددت في ريف إدلب الجنوبي.</p><p>وأضافت أن الهدوء عاد مساء.</p>");
        entry.setContents(List.of(content));
        Person author = new Person();
        author.setName("نور الدين");
        entry.setAuthors(List.<SyndPerson>of(author));
        Category category = new Category();
        category.setTerm("سوريا");
        entry.setCategories(List.of(category));
        entry.setPublished(Date.from(Instant.parse("2024-02-01T08:00:00Z")));
        entry.setUpdated(Date.from(Instant.parse("2024-02-01T09:00:00Z")));
        StringWriter xml = new StringWriter();
        Atom10Generator.serializeEntry(entry, xml);
        return xml.toString();
    }

    private HttpResponse<byte[]> post(String xml, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Authorization";
        all[1] = "Bearer " + TestServer.TOKEN;
        all[2] = "Content-Type";
        all[3] = ENTRY_TYPE;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return server.send(server.request(COLLECTION, all)
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml.getBytes(StandardCharsets.UTF_8))).build());
    }

    private HttpResponse<byte[]> put(String member, String xml, String ifMatch) {
        HttpRequest.Builder request = server.request(member, "Authorization", "Bearer " + TestServer.TOKEN, "Content-Type", ENTRY_TYPE);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return server.send(request.PUT(HttpRequest.BodyPublishers.ofByteArray(xml.getBytes(StandardCharsets.UTF_8))).build());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void theServiceDocumentNamesTheCollectionWhatItAcceptsAndItsCategories() {
        HttpResponse<byte[]> response = server.get("/atompub/service");
        assertEquals(200, response.statusCode());
        assertEquals("application/atomsvc+xml; charset=utf-8", header(response, "Content-Type"));
        Document service = Xml.parse(response.body());
        assertEquals(APP, service.getDocumentElement().getNamespaceURI());
        Element collection = Xml.all(service, APP, "collection").get(0);
        assertEquals(server.base() + COLLECTION, collection.getAttribute("href"));
        assertEquals(ENTRY_TYPE, Xml.text(collection, APP, "accept"));
        assertEquals(List.of(server.base() + "/atompub/categories", server.base() + "/atompub/tags"),
                Xml.children(collection, APP, "categories").stream().map(c -> c.getAttribute("href")).toList());
        assertEquals("منبر الأخبار الدفاعية", Xml.text(Xml.all(service, APP, "workspace").get(0), Xml.ATOM, "title"));
    }

    @Test
    void postingARomeEntryCreatesAMemberThatFeedsShowAtTheSlugsAddress() throws Exception {
        HttpResponse<byte[]> created = post(romeEntry("urn:test:atompub:1", "تجدد الاشتباكات في ريف إدلب"),
                "Slug", PathSegments.encode("اشتباكات إدلب"));
        assertEquals(201, created.statusCode(), TestServer.text(created));
        String location = header(created, "Location");
        assertTrue(location.startsWith(server.base() + "/atompub/articles/"), location);
        assertEquals(location, header(created, "Content-Location"));
        assertTrue(header(created, "Content-Type").startsWith(ENTRY_TYPE));
        Element entry = Xml.parse(created.body()).getDocumentElement();
        assertEquals("urn:test:atompub:1", Xml.text(entry, Xml.ATOM, "id"));
        assertTrue(Xml.children(entry, Xml.ATOM, "link").stream()
                .anyMatch(l -> l.getAttribute("rel").equals("edit") && l.getAttribute("href").equals(location)));
        assertFalse(Xml.text(entry, APP, "edited").isBlank());
        AtomSchema.validate(created.body());
        AtomSchema.validate(server.get(location).body());
        assertEquals(header(created, "ETag"), header(server.get(location), "ETag"));

        var feed = Xml.rome(server.get("/category/" + PathSegments.encode("سوريا") + "/feed/atom/").body());
        assertEquals("تجدد الاشتباكات في ريف إدلب", feed.getEntries().get(0).getTitle());
        String link = feed.getEntries().get(0).getLink();
        assertEquals(server.base() + "/2024/02/01/" + PathSegments.encode("اشتباكات-ادلب") + "/", link);
        assertEquals(200, server.get(link).statusCode());
    }

    @Test
    void aRawEntryWithXhtmlContentAuthorsCategoriesLinksAndLanguageIsStoredFieldByField() throws Exception {
        String xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <entry xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
              <id>tag:news.example.org,2024:post-77</id>
              <title type="text">مصر توقع مذكرات تفاهم مع شركات رومانية</title>
              <link rel="alternate" type="text/html" href="https://news.example.org/2024/02/egypt-romania/"/>
              <link rel="related" href="https://news.example.org/2024/01/patriot/" title="باتريوت ضد صواريخ إيران"/>
              <link rel="enclosure" type="image/jpeg" href="https://news.example.org/img/mou.jpg"/>
              <author><name>سارة المنصوري</name><uri>https://news.example.org/author/sara/</uri></author>
              <category term="مصر"/>
              <category term="industry" label="صناعات دفاعية"/>
              <category term="رومانيا" scheme="https://news.example.org/tag/"/>
              <published>2024-02-05T10:00:00+02:00</published>
              <updated>2024-02-05T12:30:00+02:00</updated>
              <summary>وقعت القاهرة مذكرات تفاهم في مجال الصناعات الدفاعية.</summary>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>وقعت مصر <strong>مذكرات تفاهم</strong> مع شركات رومانية.</p><script>alert(1)</script></div></content>
            </entry>
            """;
        HttpResponse<byte[]> created = post(xml);
        assertEquals(201, created.statusCode(), TestServer.text(created));
        String id = header(created, "Location").substring((server.base() + "/atompub/articles/").length());
        JsonNode article = new ObjectMapper().readTree(server.get("/api/articles/" + id).body());
        assertEquals("tag:news.example.org,2024:post-77", article.get("guid").asText());
        assertEquals("https://news.example.org/2024/02/egypt-romania/", article.get("url").asText());
        assertEquals("مصر توقع مذكرات تفاهم مع شركات رومانية", article.get("title").asText());
        assertEquals("وقعت القاهرة مذكرات تفاهم في مجال الصناعات الدفاعية.", article.get("summary").asText());
        assertEquals("<p>وقعت مصر <strong>مذكرات تفاهم</strong> مع شركات رومانية.</p>", article.get("content").asText());
        assertEquals("سارة المنصوري", article.get("authors").get(0).get("name").asText());
        assertEquals("https://news.example.org/author/sara/", article.get("authors").get(0).get("url").asText());
        assertEquals(List.of("مصر", "صناعات دفاعية"), new ObjectMapper().convertValue(article.get("categories"), List.class));
        assertEquals(List.of("رومانيا"), new ObjectMapper().convertValue(article.get("tags"), List.class));
        assertEquals("2024-02-05T08:00:00Z", article.get("published").asText());
        assertEquals("2024-02-05T10:30:00Z", article.get("updated").asText());
        assertEquals("https://news.example.org/img/mou.jpg", article.get("image").asText());
        assertEquals("باتريوت ضد صواريخ إيران", article.get("related").get(0).get("title").asText());
        assertEquals("ar", article.get("language").asText());
        assertEquals(200, server.get("/category/industry/feed/").statusCode(), "the category keeps the term as its slug");
    }

    @Test
    void membersAreReadReplacedWithIfMatchAndDeleted() throws Exception {
        HttpResponse<byte[]> created = post(romeEntry("urn:test:atompub:2", "عنوان أول"));
        String member = header(created, "Location");
        String etag = header(created, "ETag");
        assertEquals(304, server.get(member, "If-None-Match", etag).statusCode());

        HttpResponse<byte[]> replaced = put(member, romeEntry("urn:test:atompub:2", "عنوان معدل"), etag);
        assertEquals(200, replaced.statusCode(), TestServer.text(replaced));
        String newEtag = header(replaced, "ETag");
        assertNotEquals(etag, newEtag);
        assertEquals("عنوان معدل", Xml.rome(server.get("/feed/").body()).getEntries().get(0).getTitle());

        HttpResponse<byte[]> stale = put(member, romeEntry("urn:test:atompub:2", "تعديل متأخر"), etag);
        assertEquals(412, stale.statusCode());
        assertTrue(TestServer.text(stale).contains("has changed"));
        assertEquals("عنوان معدل", Xml.rome(server.get("/feed/").body()).getEntries().get(0).getTitle(), "a stale PUT changes nothing");

        HttpResponse<byte[]> staleDelete = server.send(server.request(member, "Authorization", "Bearer " + TestServer.TOKEN,
                "If-Match", etag).DELETE().build());
        assertEquals(412, staleDelete.statusCode());
        HttpResponse<byte[]> deleted = server.send(server.request(member, "Authorization", "Bearer " + TestServer.TOKEN,
                "If-Match", newEtag).DELETE().build());
        assertEquals(204, deleted.statusCode());
        server.derived(deleted); // feeds may be served from cache for a moment after the write (FreshnessIT)
        assertEquals(410, server.get(member).statusCode());
        assertTrue(Xml.rome(server.get("/feed/").body()).getEntries().isEmpty());
    }

    @Test
    void postingTheSameAtomIdAgainUpdatesTheMember() throws Exception {
        String first = header(post(romeEntry("urn:test:atompub:3", "خبر")), "Location");
        HttpResponse<byte[]> again = post(romeEntry("urn:test:atompub:3", "خبر محدث"));
        assertEquals(200, again.statusCode());
        assertEquals(first, header(again, "Location"));
        assertEquals(1, Xml.rome(server.get("/feed/").body()).getEntries().size());
    }

    @Test
    void theCollectionPagesNewestEditFirstWithPagingLinks() throws Exception {
        for (int i = 1; i <= 23; i++) {
            assertEquals(201, post(romeEntry("urn:test:atompub:page-" + i, "خبر رقم " + i)).statusCode());
        }
        Document first = Xml.parse(server.get(COLLECTION).body());
        List<Element> entries = Xml.all(first, Xml.ATOM, "entry");
        assertEquals(20, entries.size());
        assertEquals("خبر رقم 23", Xml.text(entries.get(0), Xml.ATOM, "title"));
        assertEquals(server.base() + COLLECTION + "?page=2", link(first, "next"));
        assertEquals(server.base() + COLLECTION + "?page=2", link(first, "last"));
        Document second = Xml.parse(server.get(COLLECTION + "?page=2").body());
        assertEquals(3, Xml.all(second, Xml.ATOM, "entry").size());
        assertEquals(server.base() + COLLECTION, link(second, "previous"));
        assertEquals(404, server.get(COLLECTION + "?page=3").statusCode());
        assertEquals(400, server.get(COLLECTION + "?page=abc").statusCode());
        assertEquals(400, server.get(COLLECTION + "?page=0").statusCode());
        Xml.rome(server.get(COLLECTION).body());
        AtomSchema.validate(server.get(COLLECTION).body());
        AtomSchema.validate(server.get(COLLECTION + "?page=2").body());
    }

    private static String link(Document feed, String rel) {
        return Xml.children(feed.getDocumentElement(), Xml.ATOM, "link").stream()
                .filter(l -> l.getAttribute("rel").equals(rel)).findFirst().orElseThrow().getAttribute("href");
    }

    @Test
    void theCategoriesDocumentListsTheCategoriesInUse() throws Exception {
        post(romeEntry("urn:test:atompub:4", "خبر"));
        Document categories = Xml.parse(server.get("/atompub/categories").body());
        assertEquals("no", categories.getDocumentElement().getAttribute("fixed"));
        assertEquals(server.base() + "/category/", categories.getDocumentElement().getAttribute("scheme"));
        assertEquals(List.of("سوريا"), Xml.all(categories, Xml.ATOM, "category").stream().map(c -> c.getAttribute("term")).toList());
    }

    @Test
    void theTagsDocumentListsTheTagsUnderTheTagScheme() {
        String xml = """
            <entry xmlns="http://www.w3.org/2005/Atom">
              <id>urn:test:atompub:5</id>
              <title>خبر</title>
              <category term="سوريا"/>
              <category term="إدلب" scheme="%s/tag/"/>
              <content>نص الخبر.</content>
            </entry>
            """.formatted(server.base());
        assertEquals(201, post(xml).statusCode());
        HttpResponse<byte[]> response = server.get("/atompub/tags");
        assertEquals(200, response.statusCode());
        assertEquals("application/atomcat+xml; charset=utf-8", header(response, "Content-Type"));
        Document tags = Xml.parse(response.body());
        assertEquals("no", tags.getDocumentElement().getAttribute("fixed"));
        assertEquals(server.base() + "/tag/", tags.getDocumentElement().getAttribute("scheme"));
        assertEquals(List.of("إدلب"), Xml.all(tags, Xml.ATOM, "category").stream().map(c -> c.getAttribute("term")).toList());
    }

    @Test
    void tagsSurvivePostGetAndAnEditedPutAndReachTheApiAndTheFeeds() throws Exception {
        String tags = server.base() + "/tag/";
        String categories = server.base() + "/category/";
        String xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <entry xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
              <id>urn:test:atompub:tags</id>
              <title>الدفاعات الجوية السورية تتصدى لصواريخ فوق إدلب</title>
              <author><name>نور الدين</name></author>
              <category term="سوريا"/>
              <category term="صناعات دفاعية" scheme="%s"/>
              <category term="إدلب" scheme="%s"/>
              <category term="الدفاع الجوي" scheme="https://news.example.org/tag/"/>
              <published>2024-02-01T10:00:00+03:00</published>
              <content type="html">&lt;p&gt;قالت مصادر عسكرية إن الدفاعات الجوية تصدت لصواريخ فوق ريف إدلب.&lt;/p&gt;</content>
            </entry>
            """.formatted(categories, tags);
        List<List<String>> expected = List.of(List.of("سوريا", categories), List.of("صناعات دفاعية", categories),
                List.of("إدلب", tags), List.of("الدفاع الجوي", tags));

        HttpResponse<byte[]> created = server.derived(post(xml));
        assertEquals(201, created.statusCode(), TestServer.text(created));
        assertEquals(expected, terms(Xml.parse(created.body()).getDocumentElement()), "the member POST returns");
        String member = header(created, "Location");
        String id = member.substring((server.base() + COLLECTION + "/").length());
        HttpResponse<byte[]> fetched = server.get(member);
        Document entry = Xml.parse(fetched.body());
        assertEquals(expected, terms(entry.getDocumentElement()), "the member GET returns");
        assertEquals(List.of("إدلب", "الدفاع الجوي"), apiTags(id));

        Xml.child(entry.getDocumentElement(), Xml.ATOM, "title").setTextContent("الدفاعات الجوية تتصدى لصواريخ فوق ريف إدلب الجنوبي");
        HttpResponse<byte[]> replaced = server.derived(put(member, new String(Xml.bytes(entry), StandardCharsets.UTF_8),
                header(fetched, "ETag")));
        assertEquals(200, replaced.statusCode(), TestServer.text(replaced));
        assertEquals(expected, terms(Xml.parse(replaced.body()).getDocumentElement()), "the member PUT returns");
        Element edited = Xml.parse(server.get(member).body()).getDocumentElement();
        assertEquals("الدفاعات الجوية تتصدى لصواريخ فوق ريف إدلب الجنوبي", Xml.text(edited, Xml.ATOM, "title"));
        assertEquals(expected, terms(edited), "the member GET returns after the PUT");
        assertEquals(List.of("إدلب", "الدفاع الجوي"), apiTags(id));

        Element atomEntry = Xml.all(Xml.parse(server.get("/feed/atom/").body()), Xml.ATOM, "entry").get(0);
        assertEquals("الدفاعات الجوية تتصدى لصواريخ فوق ريف إدلب الجنوبي", Xml.text(atomEntry, Xml.ATOM, "title"));
        assertEquals(expected, terms(atomEntry), "the site's Atom feed");
        Element rssItem = Xml.all(Xml.parse(server.get("/feed/").body()), null, "item").get(0);
        assertEquals(expected, Xml.children(rssItem, null, "category").stream()
                .map(c -> List.of(c.getTextContent(), c.getAttribute("domain"))).toList(), "the site's RSS feed");
        assertEquals(200, server.get("/tag/" + PathSegments.encode("الدفاع-الجوي") + "/feed/").statusCode());
    }

    /** Each atom:category of an entry as its term and scheme, in order. */
    private static List<List<String>> terms(Element entry) {
        return Xml.children(entry, Xml.ATOM, "category").stream()
                .map(c -> List.of(c.getAttribute("term"), c.getAttribute("scheme"))).toList();
    }

    private List<String> apiTags(String id) throws Exception {
        JsonNode article = new ObjectMapper().readTree(server.get("/api/articles/" + id).body());
        List<String> tags = new java.util.ArrayList<>();
        article.get("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    @Test
    void badEntriesAreRefusedWithTheReasonAndChangeNothing() {
        String passwd = """
            <?xml version="1.0"?>
            <!DOCTYPE entry [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <entry xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>&secret;</title><content>نص</content></entry>
            """;
        HttpResponse<byte[]> xxe = post(passwd);
        assertEquals(400, xxe.statusCode());
        assertTrue(TestServer.text(xxe).contains("must not contain a DOCTYPE"));
        assertFalse(TestServer.text(xxe).contains("root:"));

        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol2;</title></entry>";
        assertEquals(400, post(laughs).statusCode());

        HttpResponse<byte[]> malformed = post("<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>بلا إغلاق</entry>");
        assertEquals(400, malformed.statusCode());
        assertTrue(TestServer.text(malformed).contains("is not well-formed XML"));

        HttpResponse<byte[]> untitled = post("<entry xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:y</id><content type=\"html\">&lt;p&gt;نص&lt;/p&gt;</content></entry>");
        assertEquals(400, untitled.statusCode());
        assertTrue(TestServer.text(untitled).contains("/entry/title is required"), TestServer.text(untitled));

        HttpResponse<byte[]> feed = post("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>خلاصة</title></feed>");
        assertEquals(400, feed.statusCode());
        assertTrue(TestServer.text(feed).contains("must be an Atom entry"));

        HttpResponse<byte[]> json = server.write("POST", COLLECTION, "application/json", "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, json.statusCode());
        HttpResponse<byte[]> anonymous = server.send(server.request(COLLECTION, "Content-Type", ENTRY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString("<entry/>")).build());
        assertEquals(401, anonymous.statusCode());
        assertEquals(404, put(COLLECTION + "/999", "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title><content>y</content></entry>", null).statusCode());
        assertTrue(Xml.rome(server.get("/feed/").body()).getEntries().isEmpty());
    }
}
