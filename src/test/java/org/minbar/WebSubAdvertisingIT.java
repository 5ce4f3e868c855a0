package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.AtomSchema;
import org.minbar.support.Subscriber;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.w3c.dom.Element;

/**
 * How subscribers find the hub and what reaches external hubs: rel="hub" and rel="self" in every
 * feed document and in the Link headers of feed responses, publish pings to a configured external
 * hub, and the refusal of private callbacks on a site that does not allow them.
 */
class WebSubAdvertisingIT {

    @TempDir
    Path storage;

    @Test
    void everyFeedAdvertisesOurHubAndTheExternalOnesInItsBodyAndHeaders() throws Exception {
        try (Subscriber externalHub = Subscriber.start();
             TestServer server = TestServer.withSiteSettings(storage, "{\"itemsPerFeed\": 1, \"websub\": {\"externalHubs\": [\""
                     + externalHub.url("/hub") + "\"]}}")) {
            server.postJson(Articles.brief("urn:test:a", "خبر أول", "سوريا", "نور الدين", "2026-01-01T10:00:00Z"));
            server.postJson(Articles.brief("urn:test:b", "خبر ثان", "سوريا", "نور الدين", "2026-01-02T10:00:00Z"));
            String hub = server.base() + "/websub";
            String syria = server.base() + "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/atom/";

            HttpResponse<byte[]> atom = server.get("/category/سوريا/feed/atom/");
            assertEquals(List.of("<" + hub + ">; rel=\"hub\"", "<" + externalHub.url("/hub") + ">; rel=\"hub\"",
                    "<" + syria + ">; rel=\"self\""), atom.headers().allValues("Link"));
            AtomSchema.validate(atom.body());
            assertEquals(Set.of(hub, externalHub.url("/hub")), links(Xml.parse(atom.body()).getDocumentElement(), Xml.ATOM, "hub"));

            String etag = atom.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> notModified = server.get("/category/سوريا/feed/atom/", "If-None-Match", etag);
            assertEquals(304, notModified.statusCode());
            assertEquals(atom.headers().allValues("Link"), notModified.headers().allValues("Link"), "304s carry them too");

            HttpResponse<byte[]> second = server.get("/category/سوريا/feed/atom/?paged=2");
            assertTrue(second.headers().allValues("Link").contains("<" + syria + "?paged=2>; rel=\"self\""),
                    "self is the canonical address of the page served: " + second.headers().allValues("Link"));
            assertTrue(second.headers().allValues("Link").stream().noneMatch(link -> link.endsWith("rel=\"hub\"")),
                    "a later page is no topic, so it names no hub: " + second.headers().allValues("Link"));
            assertEquals(Set.of(), links(Xml.parse(second.body()).getDocumentElement(), Xml.ATOM, "hub"));
            assertTrue(new ObjectMapper().readTree(server.get("/category/سوريا/feed/json/?paged=2").body()).path("hubs").isMissingNode(),
                    "nor does a later page of JSON Feed");
            AtomSchema.validate(second.body());

            HttpResponse<byte[]> rss = server.get("/feed/");
            Element channel = Xml.child(Xml.parse(rss.body()).getDocumentElement(), null, "channel");
            assertEquals(Set.of(hub, externalHub.url("/hub")), links(channel, Xml.ATOM, "hub"));
            assertEquals(Set.of(server.base() + "/feed/"), links(channel, Xml.ATOM, "self"));

            JsonNode json = new ObjectMapper().readTree(server.get("/author/نور-الدين/feed/json/").body());
            assertEquals("WebSub", json.get("hubs").get(0).get("type").asText());
            assertEquals(hub, json.get("hubs").get(0).get("url").asText());
            assertEquals(externalHub.url("/hub"), json.get("hubs").get(1).get("url").asText());

            JsonNode search = new ObjectMapper().readTree(server.get("/search/خبر/feed/json/").body());
            assertTrue(search.get("hubs") == null, "search results are not topics, so they name no hub");
        }
    }

    @Test
    void aWriteIsAnnouncedToEachExternalHubForEveryFeedItTouches() throws Exception {
        try (Subscriber externalHub = Subscriber.start();
             TestServer server = TestServer.withSiteSettings(storage, "{\"websub\": {\"externalHubs\": [\""
                     + externalHub.url("/hub") + "\"]}}")) {
            server.postJson(Articles.brief("urn:test:ping", "خبر للموزعين", "سوريا", "نور الدين", "2026-01-01T10:00:00Z"));
            Set<String> topics = new HashSet<>();
            for (Subscriber.Received ping; topics.size() < 9 && (ping = externalHub.nextPost(Duration.ofSeconds(10))) != null; ) {
                assertEquals("application/x-www-form-urlencoded", ping.header("Content-Type"));
                Map<String, String> form = Subscriber.query(ping.text());
                assertEquals("publish", form.get("hub.mode"));
                assertEquals(form.get("hub.topic"), form.get("hub.url"));
                topics.add(form.get("hub.topic"));
            }
            // The site, the category and the author, each in RSS, Atom and JSON Feed.
            String base = server.base();
            assertEquals(Set.of(base + "/feed/", base + "/feed/atom/", base + "/feed/json/",
                    base + "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/", base + "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/atom/",
                    base + "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/json/",
                    base + "/author/%D9%86%D9%88%D8%B1-%D8%A7%D9%84%D8%AF%D9%8A%D9%86/feed/",
                    base + "/author/%D9%86%D9%88%D8%B1-%D8%A7%D9%84%D8%AF%D9%8A%D9%86/feed/atom/",
                    base + "/author/%D9%86%D9%88%D8%B1-%D8%A7%D9%84%D8%AF%D9%8A%D9%86/feed/json/"), topics);
        }
    }

    @Test
    void callbacksOnThisMachineOrAPrivateNetworkAreRefusedByDefault() {
        try (Subscriber local = Subscriber.start(); TestServer server = TestServer.start(storage)) {
            // Loopback by address and by name, a private network, the wildcard address, link-local (cloud metadata).
            for (String callback : new String[] {local.url("/cb"), "http://localhost:" + local.port() + "/cb",
                    "http://10.1.2.3/cb", "http://0.0.0.0/cb", "http://169.254.169.254/latest/", "http://[::1]/cb"}) {
                HttpResponse<byte[]> response = server.postForm("/websub", "hub.mode", "subscribe",
                        "hub.topic", server.base() + "/feed/", "hub.callback", callback);
                assertEquals(400, response.statusCode(), callback);
                assertTrue(TestServer.text(response).contains("\"field\" : \"hub.callback\""), TestServer.text(response));
            }
        }
    }

    private static Set<String> links(Element parent, String namespace, String rel) {
        Set<String> hrefs = new HashSet<>();
        for (Element link : Xml.children(parent, namespace, "link")) {
            if (link.getAttribute("rel").equals(rel)) {
                hrefs.add(link.getAttribute("href"));
            }
        }
        return hrefs;
    }
}
